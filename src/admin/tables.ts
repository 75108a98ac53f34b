import { at } from "../db/columns";
import { index, jsonb, pgTable, uuid, varchar } from "../db/drizzle";
import type { StaffRole } from "../shared/staff-roles";

/**
 * The back office's own tables (issue 12). Its own schema module, read by drizzle.config.ts next
 * to the booking, accounts and door tables.
 */

/**
 * Every staff action: who (the account and the role it acted in), when, where (theatre), what
 * (action and target) and the target's state before and after. Written in the same database
 * transaction as the change itself (src/admin/audit-log.ts), so the log never misses a change and
 * never records one that rolled back. Kept forever: no foreign keys, so deleting an account or a
 * theatre never deletes its history.
 */
export const staffActions = pgTable(
  "staff_actions",
  {
    id: uuid("staff_action_id").primaryKey().defaultRandom(),
    at: at("at").notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").notNull(),
    /** The role the actor used (an admin acting at a theatre is recorded as admin). */
    role: varchar("role", { length: 20 }).$type<StaffRole>().notNull(),
    /** The theatre the action concerned; null for catalog-wide actions (movies). */
    theatreId: uuid("theatre_id"),
    /** `<target>.<verb>`, e.g. `movie.create`, `show.sales_close`, `staff.grant`. */
    action: varchar("action", { length: 60 }).notNull(),
    targetType: varchar("target_type", { length: 30 }).notNull(),
    targetId: varchar("target_id", { length: 64 }).notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    /** The request that did it (X-Request-Id), to join with the worker's logs. */
    requestId: varchar("request_id", { length: 64 }),
  },
  (t) => [
    index("idx_staff_actions_at").on(t.at.desc()),
    index("idx_staff_actions_theatre").on(t.theatreId, t.at.desc()),
    index("idx_staff_actions_actor").on(t.actorUserId, t.at.desc()),
    index("idx_staff_actions_target").on(t.targetType, t.targetId, t.at.desc()),
  ],
);

export type StaffActionRow = typeof staffActions.$inferSelect;
