import type { Deps } from "../../deps";
import {
  grantsAllowing,
  type HeldStaffRole,
  roleAllows,
  type StaffAction,
  type StaffRole,
} from "../../shared/staff-roles";
import { isAccountId, rolesAt, rolesOf } from "../accounts-store";

export type StaffAuthorization =
  /** `theatreIds`: the theatres the allowed roles reach ("all" for an admin). */
  | { outcome: "ALLOWED"; roles: StaffRole[]; theatreIds: string[] | "all" }
  /** No such theatre, or one outside the caller's scope: the two look the same from outside. */
  | { outcome: "NOT_FOUND" }
  /** The theatre is in scope, but no role of the caller may do this there (or: not an admin, for "everywhere"). */
  | { outcome: "FORBIDDEN" };

/**
 * The one authorization decision of every staff route: the caller's roles that reach the scope
 * (one query), then whether any of them allows the action. Guests and customers have no roles, so
 * every theatre is outside their scope (404); a route over no one theatre ("any-theatre",
 * "everywhere") has nothing to hide, so they are refused with 403 there.
 */
export async function authorizeStaff(
  deps: Deps,
  input: { userId: string; action: StaffAction } & ({ theatreId: string } | { scope: "any-theatre" | "everywhere" }),
): Promise<StaffAuthorization> {
  if ("theatreId" in input) return authorizeAtTheatre(deps, { ...input, theatreId: input.theatreId });
  if (!isAccountId(input.userId)) return { outcome: "FORBIDDEN" };
  const grants = await rolesOf(deps.db, input.userId);
  const allowed = grantsAllowing(grants, input.action, input.scope);
  if (allowed.length === 0) return { outcome: "FORBIDDEN" };
  const roles = [...new Set(allowed.map((g) => g.role))];
  const theatreIds = roles.includes("admin") ? "all" : [...new Set(allowed.flatMap((g) => g.theatreId ?? []))];
  return { outcome: "ALLOWED", roles, theatreIds };
}

async function authorizeAtTheatre(
  deps: Deps,
  input: { userId: string; theatreId: string; action: StaffAction },
): Promise<StaffAuthorization> {
  if (!isAccountId(input.userId)) return { outcome: "NOT_FOUND" };
  const roles = await rolesAt(deps.db, input.userId, input.theatreId);
  if (!roles || roles.length === 0) return { outcome: "NOT_FOUND" };
  const allowed = roles.filter((role) => roleAllows(role, input.action));
  if (allowed.length === 0) return { outcome: "FORBIDDEN" };
  return { outcome: "ALLOWED", roles, theatreIds: [input.theatreId] };
}

/**
 * The caller's staff roles, for the back office to offer only what the API would allow (the
 * decisions above stay the API's own). Guests and customers hold none.
 */
export async function staffGrantsOf(
  deps: Deps,
  input: { userId: string },
): Promise<{ outcome: "FOUND"; grants: HeldStaffRole[] }> {
  if (!isAccountId(input.userId)) return { outcome: "FOUND", grants: [] };
  return { outcome: "FOUND", grants: await rolesOf(deps.db, input.userId) };
}
