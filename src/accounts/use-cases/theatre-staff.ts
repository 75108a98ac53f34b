import type { Deps } from "../../deps";
import { grantRole, staffOf } from "../accounts-store";
import type { StaffRole } from "../tables";

export type TheatreStaff = { userId: string; email: string; name: string | null; role: StaffRole }[];

/** The theatre's managers and ushers (the caller was authorized to read it). */
export async function listTheatreStaff(
  deps: Deps,
  input: { theatreId: string },
): Promise<{ outcome: "LISTED"; staff: TheatreStaff }> {
  return { outcome: "LISTED", staff: await staffOf(deps.db, input.theatreId) };
}

export type GrantTheatreRoleOutcome =
  | { outcome: "GRANTED"; userId: string }
  | { outcome: "USER_NOT_FOUND" }
  | { outcome: "ROLE_NOT_GRANTABLE" };

/**
 * Gives a person a role at the theatre (the caller was authorized to manage it). Only an admin may
 * make a manager; a manager may add ushers. The person must have signed in once.
 */
export async function grantTheatreRole(
  deps: Deps,
  input: { callerRoles: StaffRole[]; theatreId: string; email: string; role: "theatre_manager" | "usher" },
): Promise<GrantTheatreRoleOutcome> {
  if (input.role === "theatre_manager" && !input.callerRoles.includes("admin"))
    return { outcome: "ROLE_NOT_GRANTABLE" };
  const userId = await grantRole(deps.db, { email: input.email, role: input.role, theatreId: input.theatreId });
  return userId ? { outcome: "GRANTED", userId } : { outcome: "USER_NOT_FOUND" };
}
