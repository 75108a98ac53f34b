import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { unauthenticated } from "../auth/identity";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { unreachable } from "../http/refusals";
import type { StaffAction, StaffRole } from "../shared/staff-roles";
import { sessionCallerOf } from "./session-auth";
import type { SessionRef } from "./sessions";
import { authorizeStaff } from "./use-cases/authorize-staff";

export type SessionEnv = AppEnv & { Variables: { session: SessionRef } };
export type StaffEnv = AppEnv & {
  Variables: { userId: string; staffRoles: StaffRole[]; staffTheatreIds: string[] | "all" };
};

/** Account routes: a signed-in session (cookies) only; writes pass the CSRF defence. 401 without one. */
export const requireSession: MiddlewareHandler<SessionEnv> = async (c, next) => {
  const session = await sessionCallerOf(c);
  if (!session) throw unauthenticated("Sign in first");
  c.set("session", session);
  await next();
};

/**
 * Every staff route's guard, after requireUser (401 without a caller): authorizeStaff for the
 * `theatreId` path parameter — 404 THEATRE_NOT_FOUND outside the caller's scope, 403 FORBIDDEN for
 * a theatre in scope whose roles do not allow `action`. A route over no one theatre names its
 * scope instead: "everywhere" (admins only: movies, new theatres) or "any-theatre" (lists across
 * the theatres the caller works at); both answer 403 FORBIDDEN to a caller without such a role.
 * The roles found are left on `c.var.staffRoles`, the theatres they reach on `c.var.staffTheatreIds`.
 */
export function requireStaff(
  action: StaffAction,
  scope: "theatre-param" | "any-theatre" | "everywhere" = "theatre-param",
): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const where = scope === "theatre-param" ? { theatreId: (c.req.param("theatreId") ?? "").toLowerCase() } : { scope };
    const verdict = await authorizeStaff(depsOf(c), { userId: c.var.userId, action, ...where });
    switch (verdict.outcome) {
      case "ALLOWED":
        c.set("staffRoles", verdict.roles);
        c.set("staffTheatreIds", verdict.theatreIds);
        return next();
      case "NOT_FOUND":
        throw new ApiError("THEATRE_NOT_FOUND", "No such theatre");
      case "FORBIDDEN":
        throw new ApiError(
          "FORBIDDEN",
          scope === "everywhere" ? "Only an admin may do this" : `Your role may not ${action} this here`,
        );
      default:
        return unreachable(verdict);
    }
  };
}
