import type { Deps } from "../../deps";
import { isAccountId, rolesAt, rolesOf } from "../accounts-store";
import type { StaffRole } from "../tables";

/** What a staff route does at a theatre: look, admit people at the door, or change something. */
export type StaffAction = "read" | "admit" | "manage";

export type StaffAuthorization =
  /** `theatreIds`: the theatres the allowed roles reach ("all" for an admin). */
  | { outcome: "ALLOWED"; roles: StaffRole[]; theatreIds: string[] | "all" }
  /** No such theatre, or one outside the caller's scope: the two look the same from outside. */
  | { outcome: "NOT_FOUND" }
  /** The theatre is in scope, but no role of the caller may do this there (or: not an admin, for "everywhere"). */
  | { outcome: "FORBIDDEN" };

/** Each role's actions at a theatre in its scope (an admin's scope is every theatre). */
export const ROLE_ACTIONS: Record<StaffRole, readonly StaffAction[]> = {
  admin: ["read", "admit", "manage"],
  theatre_manager: ["read", "admit", "manage"],
  usher: ["read", "admit"],
};

const allows = (role: StaffRole, action: StaffAction) => ROLE_ACTIONS[role].includes(action);

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
  const allowed = grants.filter(
    (g) => allows(g.role, input.action) && (input.scope === "any-theatre" || g.role === "admin"),
  );
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
  const allowed = roles.filter((role) => allows(role, input.action));
  if (allowed.length === 0) return { outcome: "FORBIDDEN" };
  return { outcome: "ALLOWED", roles, theatreIds: [input.theatreId] };
}
