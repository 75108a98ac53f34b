import { recordStaffAction, type StaffActor } from "../../admin/audit-log";
import type { Deps } from "../../deps";
import type { StaffRole } from "../../shared/staff-roles";
import { grantRole, revokeRole, staffOf, userIdOfEmail } from "../accounts-store";

export type TheatreStaff = { userId: string; email: string; name: string | null; role: StaffRole }[];
type TheatreRole = "theatre_manager" | "usher";

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

/** Only an admin may make (or unmake) a manager; a manager may add and remove ushers. */
const mayChange = (callerRoles: StaffRole[], role: TheatreRole) => role === "usher" || callerRoles.includes("admin");

/**
 * Gives a person a role at the theatre (the caller was authorized to manage it). The person must
 * have signed in once. Audited (staff.grant) in the grant's own transaction, only when it granted.
 */
export async function grantTheatreRole(
  deps: Deps,
  input: { actor: StaffActor; callerRoles: StaffRole[]; theatreId: string; email: string; role: TheatreRole },
): Promise<GrantTheatreRoleOutcome> {
  if (!mayChange(input.callerRoles, input.role)) return { outcome: "ROLE_NOT_GRANTABLE" };
  const { db } = deps;
  const userId = await userIdOfEmail(db, input.email);
  if (!userId) return { outcome: "USER_NOT_FOUND" };
  const grant = { userId, role: input.role, theatreId: input.theatreId };
  const already = (await staffOf(db, input.theatreId)).some((s) => s.userId === userId && s.role === input.role);
  if (already) return { outcome: "GRANTED", userId };
  await db.batch([
    grantRole(db, grant),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: input.theatreId,
      action: "staff.grant",
      target: { type: "user", id: userId },
      after: { ...grant, email: input.email },
    }),
  ]);
  return { outcome: "GRANTED", userId };
}

export type RevokeTheatreRoleOutcome =
  | { outcome: "REVOKED" }
  | { outcome: "NOT_GRANTED" }
  | { outcome: "ROLE_NOT_GRANTABLE" };

/** Takes a role at the theatre away (same rule as granting). Revoking what is not granted says so. */
export async function revokeTheatreRole(
  deps: Deps,
  input: { actor: StaffActor; callerRoles: StaffRole[]; theatreId: string; userId: string; role: TheatreRole },
): Promise<RevokeTheatreRoleOutcome> {
  if (!mayChange(input.callerRoles, input.role)) return { outcome: "ROLE_NOT_GRANTABLE" };
  const { db } = deps;
  const grant = { userId: input.userId, role: input.role, theatreId: input.theatreId };
  const held = (await staffOf(db, input.theatreId)).find((s) => s.userId === input.userId && s.role === input.role);
  if (!held) return { outcome: "NOT_GRANTED" };
  await db.batch([
    revokeRole(db, grant),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: input.theatreId,
      action: "staff.revoke",
      target: { type: "user", id: input.userId },
      before: { ...grant, email: held.email },
    }),
  ]);
  return { outcome: "REVOKED" };
}
