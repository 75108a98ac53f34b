import { at } from "../db/columns";
import { index, integer, pgTable, uuid, varchar } from "../db/drizzle";
import { orders, shows } from "../db/schema";

/**
 * The back office's operations (issue 12: house seats, counter sales, cancelling a show, the
 * numbers). Its own schema module, read by drizzle.config.ts next to the others. House seats live
 * in src/db/schema.ts beside `order_seats`, whose rows they occupy.
 */

/** A show a member of staff cancelled: the request, and when its cancellation job finished. */
export const showCancellations = pgTable("show_cancellations", {
  showId: uuid("show_id")
    .primaryKey()
    .references(() => shows.id),
  requestedBy: uuid("requested_by").notNull(),
  reason: varchar("reason", { length: 200 }),
  requestedAt: at("requested_at").notNull().defaultNow(),
  /** Set when every order of the show has been handled (a later pass clears nothing). */
  completedAt: at("completed_at"),
});

/**
 * The cancellation job's work list: every order the cancelled show still had (pending or
 * confirmed), taken once (`INSERT … ON CONFLICT DO NOTHING`, so a resumed job adds nothing it has).
 * `processed_at` is written only after that order was cancelled, refunded and emailed, so a job that
 * dies midway picks up exactly the orders it had not finished.
 */
export const showCancellationOrders = pgTable(
  "show_cancellation_orders",
  {
    orderId: uuid("order_id")
      .primaryKey()
      .references(() => orders.id),
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    /** What the order was when the job took it (PAYMENT_PENDING or CONFIRMED). */
    statusBefore: varchar("status_before", { length: 20 }).notNull(),
    processedAt: at("processed_at"),
    /** What the job did: CANCELLED (unpaid), REFUNDING (provider), REFUND_AT_COUNTER, NOTHING (already settled). */
    outcome: varchar("outcome", { length: 20 }),
  },
  (t) => [index("idx_show_cancellation_orders_show").on(t.showId)],
);

/**
 * The booking funnel's only figure not derivable from orders: holds made and released, per show.
 * Incremented after the response (waitUntil), never on a hold's critical path.
 */
export const showFunnelCounts = pgTable("show_funnel_counts", {
  showId: uuid("show_id")
    .primaryKey()
    .references(() => shows.id),
  holds: integer("holds").notNull().default(0),
  holdsReleased: integer("holds_released").notNull().default(0),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
