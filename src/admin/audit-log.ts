import type { Database } from "../db/client";
import type { StaffRole } from "../shared/staff-roles";
import { staffActions } from "./tables";

/** Who did it: the account, the role it acted in, and the request (for the logs). */
export interface StaffActor {
  userId: string;
  role: StaffRole;
  requestId?: string | null;
}

/** One staff action as the audit log keeps it (docs/API.md: Back office, audit). */
export interface StaffActionEntry {
  actor: StaffActor;
  /** The theatre concerned; null for catalog-wide actions (movies). */
  theatreId: string | null;
  /** `<target>.<verb>`: `movie.create`, `show.sales_close`, `house_seats.block`, … */
  action: `${string}.${string}`;
  target: { type: string; id: string };
  /** The target's state before the change (null when created) and after it (null when deleted). */
  before?: unknown;
  after?: unknown;
}

/**
 * The INSERT of one audit row, to run in the SAME transaction as the change it records. The
 * worker's Postgres driver (Neon HTTP) makes a transaction of one `db.batch([...])`, so put the
 * returned query in the batch that makes the change:
 *
 *   await db.batch([db.update(shows).set(...).where(...), recordStaffAction(db, entry)]);
 *
 * Awaiting it on its own writes the row in a transaction of its own: only for actions whose change
 * is not in Postgres. `before`/`after` are stored as JSON (undefined → null).
 */
export function recordStaffAction(tx: Database, entry: StaffActionEntry) {
  return tx.insert(staffActions).values({
    actorUserId: entry.actor.userId,
    role: entry.actor.role,
    requestId: entry.actor.requestId ?? null,
    theatreId: entry.theatreId,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The audit row of something staff created: `<type>.create`, its state after, nothing before. */
export const recordCreation = (
  tx: Database,
  actor: StaffActor,
  theatreId: string | null,
  target: { type: "movie" | "theatre" | "screen" | "show"; id: string },
  after: unknown,
) => recordStaffAction(tx, { actor, theatreId, action: `${target.type}.create`, target, after });

/** The role an action is recorded under: the widest the caller holds there. */
export function roleUsed(roles: readonly StaffRole[]): StaffRole {
  if (roles.includes("admin")) return "admin";
  if (roles.includes("theatre_manager")) return "theatre_manager";
  return "usher";
}
