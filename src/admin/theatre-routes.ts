import { Hono } from "hono";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import {
  adminScreenSchema,
  adminTheatreSchema,
  createTheatreBody,
  screenBody,
  screenEditedSchema,
  updateScreenBody,
  updateTheatreBody,
} from "../shared/admin-schemas";
import { staffActorOf } from "./actor";
import { adminDoc, listOf } from "./route-docs";
import { screenParam, theatreParam } from "./schemas";
import { listScreens, listTheatres, readTheatre } from "./use-cases/browse";
import { createScreen, createTheatre, editScreen, updateTheatre } from "./use-cases/manage-theatres";

/**
 * Theatres, their policy and fee, and their screens with versioned seat layouts (docs/API.md: Back
 * office): new theatres by admins, changes by their managers.
 */
export const theatreRoutes = new Hono<AppEnv>()
  .get(
    "/admin/theatres",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("The theatres you work at (admins: all)", {
            200: jsonResponse("Theatres", listOf("theatres", adminTheatreSchema)),
          }),
        )
      : undocumented,
    requireUser,
    requireStaff("read", "any-theatre"),
    async (c) => c.json(await listTheatres(depsOf(c), { theatreIds: c.var.staffTheatreIds }), 200, noStore),
  )
  .post(
    "/admin/theatres",
    ROUTE_DOCS
      ? describeRoute(adminDoc("Add a theatre (admins)", { 201: jsonResponse("Created", adminTheatreSchema) }))
      : undocumented,
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("json", createTheatreBody),
    async (c) => {
      const result = await createTheatre(depsOf(c), { actor: staffActorOf(c), fields: c.req.valid("json") });
      return c.json(result.theatre, 201);
    },
  )
  .get(
    "/admin/theatres/:theatreId",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("One theatre with its policy and fee", { 200: jsonResponse("The theatre", adminTheatreSchema) }),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    async (c) => {
      const result = await readTheatre(depsOf(c), c.req.valid("param"));
      if (result.outcome !== "THEATRE") throw new ApiError("THEATRE_NOT_FOUND", "No such theatre");
      return c.json(result.theatre, 200, noStore);
    },
  )
  .patch(
    "/admin/theatres/:theatreId",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("Change a theatre: name, address, location, cancellation policy, convenience fee", {
            200: jsonResponse("Changed", adminTheatreSchema),
          }),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", updateTheatreBody),
    async (c) => {
      const input = { actor: staffActorOf(c), theatreId: c.req.valid("param").theatreId, fields: c.req.valid("json") };
      const result = await updateTheatre(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw new ApiError("THEATRE_NOT_FOUND", "No such theatre");
      return c.json(result.theatre, 200);
    },
  )
  .get(
    "/admin/theatres/:theatreId/screens",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("The theatre's screens with their current layout", {
            200: jsonResponse("Screens", listOf("screens", adminScreenSchema)),
          }),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    async (c) => c.json(await listScreens(depsOf(c), c.req.valid("param")), 200, noStore),
  )
  .post(
    "/admin/theatres/:theatreId/screens",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("Add a screen with its seat layout (version 1)", {
            201: jsonResponse("Created", adminScreenSchema),
          }),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", screenBody),
    async (c) => {
      const input = { actor: staffActorOf(c), theatreId: c.req.valid("param").theatreId, ...c.req.valid("json") };
      const result = await createScreen(depsOf(c), input);
      return c.json(result.screen, 201);
    },
  )
  .patch(
    "/admin/theatres/:theatreId/screens/:screenId",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Rename a screen or change its layout: in place while no show on it has sales, else a new version for new shows",
            { 200: jsonResponse("Edited", screenEditedSchema) },
            "SCREEN_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", screenParam),
    requireStaff("manage"),
    validate("json", updateScreenBody),
    async (c) => {
      const result = await editScreen(depsOf(c), {
        actor: staffActorOf(c),
        ...c.req.valid("param"),
        ...c.req.valid("json"),
      });
      if (result.outcome !== "EDITED") throw new ApiError("SCREEN_NOT_FOUND", "No such screen at this theatre");
      return c.json({ ...result.screen, layoutChange: result.layoutChange }, 200);
    },
  );
