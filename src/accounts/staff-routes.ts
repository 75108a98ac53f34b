import { Hono } from "hono";
import { staffActorOf } from "../admin/actor";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, errorResponse, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { backendDown } from "./route-docs";
import {
  grantBody,
  grantedSchema,
  myRolesSchema,
  revokedSchema,
  revokeParam,
  staffSchema,
  theatreParam,
} from "./schemas";
import { requireStaff } from "./session-middleware";
import { staffGrantsOf } from "./use-cases/authorize-staff";
import {
  type GrantTheatreRoleOutcome,
  grantTheatreRole,
  listTheatreStaff,
  type RevokeTheatreRoleOutcome,
  revokeTheatreRole,
} from "./use-cases/theatre-staff";

/**
 * The first staff routes, and the pattern for every later one: requireUser, the theatre parameter
 * validated, then requireStaff(action) — 404 outside the caller's scope, 403 in scope but not allowed.
 */
const staffErrors = {
  ...backendDown,
  400: errorResponse("`theatreId` is not a UUID, or a malformed body"),
  401: errorResponse("No caller"),
  404: errorResponse("`THEATRE_NOT_FOUND`: no such theatre, or not one you work at"),
};

const refusedGrant = refusals<Refused<GrantTheatreRoleOutcome, "GRANTED">>({
  USER_NOT_FOUND: ["USER_NOT_FOUND", "Nobody has signed in with that address yet"],
  ROLE_NOT_GRANTABLE: ["FORBIDDEN", "Only an admin may make a theatre manager"],
});

const refusedRevoke = refusals<Refused<RevokeTheatreRoleOutcome, "REVOKED">>({
  NOT_GRANTED: ["USER_NOT_FOUND", "That person has no such role at this theatre"],
  ROLE_NOT_GRANTABLE: ["FORBIDDEN", "Only an admin may remove a theatre manager"],
});

export const staffRoutes = new Hono<AppEnv>()
  .get(
    "/account/roles",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Staff"],
          summary: "My staff roles (none for guests and customers), so a back office offers only what it may do",
          responses: {
            ...backendDown,
            200: jsonResponse("The caller's roles, each at a theatre or (admin) everywhere", myRolesSchema),
            401: errorResponse("No caller"),
          },
        })
      : undocumented,
    requireUser,
    async (c) => {
      const result = await staffGrantsOf(depsOf(c), { userId: c.var.userId });
      return c.json({ roles: result.grants }, 200, noStore);
    },
  )
  .get(
    "/admin/theatres/:theatreId/staff",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Staff"],
          summary: "A theatre's managers and ushers (admin, or staff of the theatre)",
          responses: {
            ...backendDown,
            200: jsonResponse("The theatre's staff", staffSchema),
            ...staffErrors,
          },
        })
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    async (c) => {
      const result = await listTheatreStaff(depsOf(c), c.req.valid("param"));
      return c.json({ staff: result.staff }, 200, noStore);
    },
  )
  .post(
    "/admin/theatres/:theatreId/staff",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Staff"],
          summary: "Make a signed-up person an usher (managers, admins) or a manager (admins) of the theatre",
          responses: {
            201: jsonResponse("Granted (granting again changes nothing)", grantedSchema),
            ...staffErrors,
            403: errorResponse("`FORBIDDEN`: your role may not change this theatre's staff, or grant that role"),
            404: errorResponse("`THEATRE_NOT_FOUND` outside your scope; `USER_NOT_FOUND` for an unknown address"),
          },
        })
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", grantBody),
    async (c) => {
      const { theatreId } = c.req.valid("param");
      const { email, role } = c.req.valid("json");
      const actor = staffActorOf(c);
      const result = await grantTheatreRole(depsOf(c), {
        actor,
        callerRoles: c.var.staffRoles,
        theatreId,
        email,
        role,
      });
      if (result.outcome !== "GRANTED") throw refusedGrant(result);
      return c.json({ userId: result.userId, role, theatreId }, 201);
    },
  )
  .delete(
    "/admin/theatres/:theatreId/staff/:userId/:role",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Staff"],
          summary: "Take a role at the theatre away (ushers: managers and admins; managers: admins)",
          responses: {
            200: jsonResponse("Revoked", revokedSchema),
            ...staffErrors,
            403: errorResponse("`FORBIDDEN`: your role may not change this theatre's staff, or revoke that role"),
            404: errorResponse(
              "`THEATRE_NOT_FOUND` outside your scope; `USER_NOT_FOUND`: the person has no such role here",
            ),
          },
        })
      : undocumented,
    requireUser,
    validate("param", revokeParam),
    requireStaff("manage"),
    async (c) => {
      const { theatreId, userId, role } = c.req.valid("param");
      const actor = staffActorOf(c);
      const result = await revokeTheatreRole(depsOf(c), {
        actor,
        callerRoles: c.var.staffRoles,
        theatreId,
        userId,
        role,
      });
      if (result.outcome !== "REVOKED") throw refusedRevoke(result);
      return c.json({ userId, role, theatreId, status: "REVOKED" as const }, 200, noStore);
    },
  );
