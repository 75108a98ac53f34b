import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import {
  admittedSchema,
  checkInBody,
  conflictsSchema,
  gatesSchema,
  manifestSchema,
  showIdParam,
  syncBody,
  syncSchema,
} from "./checkin-schemas";
import { checkIn } from "./use-cases/check-in";
import { doorManifest, showConflicts } from "./use-cases/door-manifest";
import { listGates } from "./use-cases/list-gates";
import type { GateAccess } from "./use-cases/open-gate";
import { syncCheckins } from "./use-cases/sync-checkins";

type UserEnv = AppEnv & { Variables: { userId: string } };

/** The gate's refusals, the same for every door route (authorizeStaff: 404 outside scope, 403 by role). */
function gateClosed(result: Exclude<GateAccess, { outcome: "OPEN" }>): never {
  if (result.outcome === "SHOW_NOT_FOUND")
    throw new ApiError("SHOW_NOT_FOUND", "No such show at a theatre you work at");
  throw new ApiError("FORBIDDEN", "Your role at this theatre may not admit people");
}

const gateErrors = ["VALIDATION_FAILED", "SHOW_NOT_FOUND", "FORBIDDEN", "SERVICE_UNAVAILABLE"] as const;

/** Check-in at the door (docs/TICKETS.md: check-in, offline, conflicts): ushers, managers, admins. */
export const checkinRoutes = new Hono<UserEnv>()
  .post(
    "/checkins",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "Admit a ticket at the gate of a show: first scan wins, per seat; part of an order with `seats`",
          description:
            "Verifies the token (signature, key id, key validity), the show and theatre, the door window (DOORS_OPEN_MINUTES before the start until the end) and that the order is still confirmed with the token's version. Four database round trips, three in sequence.",
          responses: {
            201: jsonResponse("Admitted (some seats may have been admitted earlier: `earlier`)", admittedSchema),
            ...errorResponses(...gateErrors, "ALREADY_ADMITTED", "TICKET_REFUSED"),
          },
        })
      : undocumented,
    requireUser,
    validate("json", checkInBody),
    async (c) => {
      const body = c.req.valid("json");
      const result = await checkIn(depsOf(c), { ...body, userId: c.var.userId });
      switch (result.outcome) {
        case "ADMITTED": {
          const { ticket, admitted, earlier, admittedAt } = result;
          return c.json({ outcome: result.outcome, ticket, admitted, earlier, gate: body.gate, admittedAt }, 201);
        }
        case "ALREADY_ADMITTED":
          throw new ApiError("ALREADY_ADMITTED", "Already admitted", {
            ticket: result.ticket,
            admissions: result.earlier,
          });
        case "REFUSED":
          throw new ApiError("TICKET_REFUSED", result.detail, {
            reason: result.reason,
            ...(result.ticket ? { ticket: result.ticket } : {}),
          });
        default:
          return gateClosed(result);
      }
    },
  )
  .post(
    "/checkins/sync",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "Admissions a scanner made offline: per item admitted, conflict (someone was first) or refused",
          description:
            "Each is judged at its own scan time; all are recorded in one round trip; conflicts are kept for GET /door/shows/{showId}/conflicts. A resent batch (same scan ids) changes nothing.",
          responses: {
            200: jsonResponse("One result per admission, in order", syncSchema),
            ...errorResponses(...gateErrors),
          },
        })
      : undocumented,
    requireUser,
    validate("json", syncBody),
    async (c) => {
      const result = await syncCheckins(depsOf(c), { ...c.req.valid("json"), userId: c.var.userId });
      if (result.outcome !== "SYNCED") return gateClosed(result);
      return c.json({ results: result.results }, 200);
    },
  )
  .get(
    "/door/shows",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "The shows the caller may admit people to, doors open now or within 12 hours (the scanner's gates)",
          responses: { 200: jsonResponse("The gates", gatesSchema), ...errorResponses("SERVICE_UNAVAILABLE") },
        })
      : undocumented,
    requireUser,
    async (c) => {
      const result = await listGates(depsOf(c), { userId: c.var.userId });
      return c.json({ gates: result.gates }, 200, { "Cache-Control": "private, no-store" });
    },
  )
  .get(
    "/door/shows/:showId/manifest",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "What an offline scanner needs for a show: the keys, the seats admitted, the revoked tickets",
          responses: { 200: jsonResponse("The manifest", manifestSchema), ...errorResponses(...gateErrors) },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    async (c) => {
      const result = await doorManifest(depsOf(c), { ...c.req.valid("param"), userId: c.var.userId });
      if (result.outcome !== "MANIFEST") return gateClosed(result);
      return c.json(result.manifest, 200, { "Cache-Control": "private, no-store" });
    },
  )
  .get(
    "/door/shows/:showId/conflicts",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "Seats two scans admitted (offline): who was first and who came second, oldest first",
          responses: { 200: jsonResponse("The conflicts", conflictsSchema), ...errorResponses(...gateErrors) },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    async (c) => {
      const result = await showConflicts(depsOf(c), { ...c.req.valid("param"), userId: c.var.userId });
      if (result.outcome !== "CONFLICTS") return gateClosed(result);
      return c.json({ conflicts: result.conflicts }, 200, { "Cache-Control": "private, no-store" });
    },
  );
