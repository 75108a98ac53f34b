import type { Deps } from "../../deps";
import { isAccountId, rolesAt } from "../accounts-store";
import type { StaffRole } from "../tables";

/** What a staff route does at a theatre: look, admit people at the door, or change something. */
export type StaffAction = "read" | "admit" | "manage";

export type StaffAuthorization =
  | { outcome: "ALLOWED"; roles: StaffRole[] }
  /** No such theatre, or one outside the caller's scope: the two look the same from outside. */
  | { outcome: "NOT_FOUND" }
  /** The theatre is in scope, but no role of the caller may do this there. */
  | { outcome: "FORBIDDEN" };

/** Each role's actions at a theatre in its scope (an admin's scope is every theatre). */
export const ROLE_ACTIONS: Record<StaffRole, readonly StaffAction[]> = {
  admin: ["read", "admit", "manage"],
  theatre_manager: ["read", "admit", "manage"],
  usher: ["read", "admit"],
};

/**
 * The one authorization decision of every staff route: the caller's roles that reach the theatre
 * (one query), then whether any of them allows the action. Guests and customers have no roles, so
 * every theatre is outside their scope.
 */
export async function authorizeStaff(
  deps: Deps,
  input: { userId: string; theatreId: string; action: StaffAction },
): Promise<StaffAuthorization> {
  if (!isAccountId(input.userId)) return { outcome: "NOT_FOUND" };
  const roles = await rolesAt(deps.db, input.userId, input.theatreId);
  if (!roles || roles.length === 0) return { outcome: "NOT_FOUND" };
  if (!roles.some((role) => ROLE_ACTIONS[role].includes(input.action))) return { outcome: "FORBIDDEN" };
  return { outcome: "ALLOWED", roles };
}
