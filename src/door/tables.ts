import { index, pgTable, primaryKey, timestamp, unique, uuid, varchar } from "../db/drizzle";
import { orders, shows } from "../db/schema";

/**
 * Admissions at the door (issue 13, docs/TICKETS.md: check-in). Its own schema module, read by
 * drizzle.config.ts next to the booking and accounts tables; both tables are new, so the migration
 * is additive and the version serving traffic never reads them.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/**
 * One row per admitted seat. The primary key is the "first scan wins" rule: an admission is an
 * INSERT … ON CONFLICT DO NOTHING, and only the scan whose row went in admitted that seat.
 */
export const checkins = pgTable(
  "checkins",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    seatId: varchar("seat_id", { length: 8 }).notNull(),
    /** Denormalised from the order so a show's manifest is one index scan. */
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    gate: varchar("gate", { length: 40 }).notNull(),
    /** When the ticket was scanned: now for an online scan, the device's time for an offline one. */
    admittedAt: at("admitted_at").notNull(),
    /** The scan that admitted it (the device's id for an offline scan): a resent sync finds itself. */
    scanId: uuid("scan_id").notNull(),
    scannedBy: uuid("scanned_by").notNull(),
    source: varchar("source", { length: 10 }).$type<"online" | "offline">().notNull(),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "checkins_pkey", columns: [t.orderId, t.seatId] }),
    index("idx_checkins_show").on(t.showId),
  ],
);

/** An offline admission of a seat another scan had already admitted: both gates and the manager see it. */
export const checkinConflicts = pgTable(
  "checkin_conflicts",
  {
    id: uuid("conflict_id").primaryKey().defaultRandom(),
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    seatId: varchar("seat_id", { length: 8 }).notNull(),
    /** The scan that came second: its gate, device time and scan id. */
    gate: varchar("gate", { length: 40 }).notNull(),
    scannedAt: at("scanned_at").notNull(),
    scanId: uuid("scan_id").notNull(),
    scannedBy: uuid("scanned_by").notNull(),
    /** The admission that stands (the first one recorded). */
    firstGate: varchar("first_gate", { length: 40 }).notNull(),
    firstAdmittedAt: at("first_admitted_at").notNull(),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    // A resent sync records its conflict once.
    unique("checkin_conflicts_scan_key").on(t.scanId, t.seatId),
    index("idx_checkin_conflicts_show").on(t.showId, t.recordedAt),
  ],
);

export type CheckinRow = typeof checkins.$inferSelect;
export type CheckinConflictRow = typeof checkinConflicts.$inferSelect;
