import { Hono } from "hono";
import * as z from "zod/mini";
import { requireStaff } from "../accounts/session-middleware";
import { staffActorOf } from "../admin/actor";
import { adminDoc } from "../admin/route-docs";
import { showParam } from "../admin/schemas";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { onsaleEventBody, onsaleEventSchema } from "../shared/onsale";
import { queueStoreOf } from "./queue-store";
import { markOnsale, unmarkOnsale } from "./use-cases/manage-event";

const notFound = () => new ApiError("SHOW_NOT_FOUND", "No such show at this theatre");

const refusalCountsSchema = z.object({
  counts: z
    .record(z.string(), z.number().check(z.int()))
    .check(z.describe("Refused attempts by reason, since Redis began counting")),
});

/** Staff switch a show's (or a movie opening's) on-sale waiting room on and off, and read the refusals. */
export const onsaleAdminRoutes = new Hono<AppEnv>()
  .get(
    "/admin/refusals",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Refused attempts (seat budgets per person and per address, missing or refused admissions, bulk guest tokens)",
            { 200: jsonResponse("Counts by reason", refusalCountsSchema) },
          ),
        )
      : undocumented,
    requireUser,
    requireStaff("read", "everywhere"),
    async (c) => c.json({ counts: await depsOf(c).seats.refusalCounts() }, 200, noStore),
  )
  .put(
    "/admin/theatres/:theatreId/shows/:showId/onsale",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Sell the show — or with `wholeOpening` every upcoming show of its movie here — through a waiting room opening at `opensAt`",
            { 200: jsonResponse("The on-sale event", onsaleEventSchema) },
            "SHOW_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", onsaleEventBody),
    async (c) => {
      const deps = depsOf(c);
      const input = { actor: staffActorOf(c), ...c.req.valid("param"), body: c.req.valid("json") };
      const result = await markOnsale({ ...deps, waitingRoom: queueStoreOf(deps.config) }, input);
      if (result.outcome === "SHOW_NOT_FOUND") throw notFound();
      if (result.outcome === "OPENS_TOO_LATE")
        throw new ApiError("VALIDATION_FAILED", `The on-sale must open before the show starts (${result.startTime})`, {
          startTime: result.startTime,
        });
      return c.json(result.event, 200);
    },
  )
  .delete(
    "/admin/theatres/:theatreId/shows/:showId/onsale",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("Switch off the show's on-sale event (all its shows sell as any show again)", {}, "SHOW_NOT_FOUND"),
        )
      : undocumented,
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    async (c) => {
      const deps = depsOf(c);
      const input = { actor: staffActorOf(c), ...c.req.valid("param") };
      const result = await unmarkOnsale({ ...deps, waitingRoom: queueStoreOf(deps.config) }, input);
      if (result.outcome === "SHOW_NOT_FOUND") throw notFound();
      return c.body(null, 204);
    },
  );
