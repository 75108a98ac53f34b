import type { HouseSeatReason, OrderStatus, PaymentMethod, RefundReason, RefundStatus } from "../domain/statuses";
import { shows } from "./catalog-tables";
import { at, createdAt } from "./columns";
import {
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  sql,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "./drizzle";

// Orders and what hangs off them: their seats, house seats, emails sent and payment events
// (docs/API.md: Data). Postgres is the source of truth. Column names follow the original design.

export const orders = pgTable(
  "orders",
  {
    id: uuid("order_id").primaryKey().defaultRandom(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    /** One order per hold: retrying POST /orders finds this row instead of making a second. */
    holdId: varchar("hold_id", { length: 64 }).notNull().unique("orders_hold_id_key"),
    seatIds: text("seat_ids").array().notNull(),
    customerName: varchar("customer_name", { length: 255 }),
    customerEmail: varchar("customer_email", { length: 255 }),
    customerPhone: varchar("customer_phone", { length: 20 }),
    amount: numeric("amount", { precision: 10, scale: 2 }).notNull(),
    status: varchar("status", { length: 20 }).$type<OrderStatus>().notNull().default("PAYMENT_PENDING"),
    ticketCode: varchar("ticket_code", { length: 50 }).unique("orders_ticket_code_key"),
    createdAt: createdAt(),
    confirmedAt: at("confirmed_at"),
    cancelledAt: at("cancelled_at"),
    expiresAt: at("expires_at").notNull(),
    /** The theatre's convenience fee at order time; part of `amount`. */
    convenienceFee: numeric("convenience_fee", { precision: 10, scale: 2 }).notNull().default("0"),
    /** The provider's Checkout Session for this order: one per order, created on the first pay request. */
    paymentSessionId: varchar("payment_session_id", { length: 255 }),
    paymentSessionUrl: text("payment_session_url"),
    /** When the cron (or a cancel) closed the session at the provider; null while it may still be paid. */
    paymentSessionClosedAt: at("payment_session_closed_at"),
    /** The provider's PaymentIntent of money received for this order (verified by a webhook). */
    paymentIntentId: varchar("payment_intent_id", { length: 255 }),
    paidAt: at("paid_at"),
    /** The refund owed on this order: null when none; pending from the moment it is owed. */
    refundStatus: varchar("refund_status", { length: 20 }).$type<RefundStatus>(),
    refundReason: varchar("refund_reason", { length: 40 }).$type<RefundReason>(),
    refundAmount: numeric("refund_amount", { precision: 10, scale: 2 }),
    refundId: varchar("refund_id", { length: 255 }),
    /** Provider refunds created so far; the next one's idempotency key is derived from it. */
    refundAttempts: integer("refund_attempts").notNull().default(0),
    refundFailure: text("refund_failure"),
    refundRequestedAt: at("refund_requested_at"),
    refundUpdatedAt: at("refund_updated_at"),
    /** How the money came: `online` through the provider, or `counter` (cash/card at the box office). */
    paymentMethod: varchar("payment_method", { length: 20 }).$type<PaymentMethod>().notNull().default("online"),
    /** The member of staff who sold a counter sale (their account id); null online. */
    soldBy: uuid("sold_by"),
    /**
     * The client address whose live-seat budget the order's seats are charged to, as its keyed
     * hash (src/seats/use-cases/seat-budget.ts), never the address: settling, cancelling or
     * expiring the order frees that budget too, and a repair can rebuild it. Null: no address
     * budget (a counter sale, or an order from before budgets).
     */
    budgetAddressTag: varchar("budget_address_tag", { length: 32 }),
    /**
     * The on-sale admission the order was bought with (issue 15: an admission is for one purchase),
     * named by its event and its end (with `user_id`, whose it is); null off an on-sale. The repair
     * rebuilds the event's ended admissions in Redis from the paid ones.
     */
    admissionEventId: uuid("admission_event_id"),
    admissionUntil: at("admission_until"),
  },
  (t) => [
    index("idx_orders_user").on(t.userId, t.createdAt.desc()),
    index("idx_orders_show_status").on(t.showId, t.status),
    // The expiry cron's scan: only pending orders, by deadline.
    index("idx_orders_pending_expiry").on(t.expiresAt).where(sql`${t.status} = 'PAYMENT_PENDING'`),
    check("orders_status_check", sql`${t.status} in ('PAYMENT_PENDING','CONFIRMED','EXPIRED','CANCELLED')`),
    check("orders_amount_check", sql`${t.amount} >= 0`),
    check("orders_refund_status_check", sql`${t.refundStatus} in ('pending','succeeded','failed')`),
    check("orders_payment_method_check", sql`${t.paymentMethod} in ('online','counter')`),
    uniqueIndex("orders_payment_session_key").on(t.paymentSessionId),
    // One live order per admission, whatever Redis forgot (as order_seats' key is for seats): a
    // second order of an admission that bought, or is buying, fails whole (place-order.ts: 403).
    uniqueIndex("orders_admission_once")
      .on(t.admissionEventId, t.userId, t.admissionUntil)
      .where(sql`${t.status} in ('PAYMENT_PENDING','CONFIRMED') and ${t.admissionEventId} is not null`),
    check("orders_admission_check", sql`(${t.admissionEventId} is null) = (${t.admissionUntil} is null)`),
    // The cron's scan for sessions still to close at the provider.
    index("idx_orders_open_sessions")
      .on(t.expiresAt)
      .where(sql`${t.paymentSessionId} is not null and ${t.paymentSessionClosedAt} is null`),
    // The cron's scan for refunds the provider has not accepted yet.
    index("idx_orders_unsent_refunds")
      .on(t.refundRequestedAt)
      .where(sql`${t.refundStatus} = 'pending' and ${t.refundId} is null`),
  ],
);

/**
 * Seats a theatre keeps off online sale (VIP, press, broken), per show. Each one also occupies its
 * seat in `order_seats` (a row without an order), so everything that already honours that table —
 * the primary key that refuses a second sale, the Redis rebuild that treats its seats as taken —
 * honours house seats too, and losing Redis can never make one sellable.
 */
export const houseSeats = pgTable(
  "house_seats",
  {
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    seatId: varchar("seat_id", { length: 8 }).notNull(),
    reason: varchar("reason", { length: 20 }).$type<HouseSeatReason>().notNull(),
    note: varchar("note", { length: 200 }),
    blockedBy: uuid("blocked_by").notNull(),
    blockedAt: at("blocked_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "house_seats_pkey", columns: [t.showId, t.seatId] }),
    check("house_seats_reason_check", sql`${t.reason} in ('VIP','PRESS','BROKEN','OTHER')`),
  ],
);

/**
 * One row per seat of a PAYMENT_PENDING or CONFIRMED order, or of a house seat. The primary key is
 * the last line of defence: the database itself refuses a second sale of a seat, even if Redis
 * lost its data. A house seat's row has no order and names itself in `house_seat_id`; deleting the
 * house seat deletes it (the foreign key cascades).
 */
export const orderSeats = pgTable(
  "order_seats",
  {
    showId: uuid("show_id")
      .notNull()
      .references(() => shows.id),
    seatId: varchar("seat_id", { length: 8 }).notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "cascade" }),
    /** The seat id again when a house seat occupies it (null for an order's seat). */
    houseSeatId: varchar("house_seat_id", { length: 8 }),
  },
  (t) => [
    primaryKey({ name: "order_seats_pkey", columns: [t.showId, t.seatId] }),
    index("idx_order_seats_order").on(t.orderId),
    foreignKey({
      name: "order_seats_house_seat_fkey",
      columns: [t.showId, t.houseSeatId],
      foreignColumns: [houseSeats.showId, houseSeats.seatId],
    }).onDelete("cascade"),
    // Exactly one occupant: an order, or the house seat of this very seat.
    check(
      "order_seats_occupant_check",
      sql`(${t.orderId} is null) = (${t.houseSeatId} is not null) and (${t.houseSeatId} is null or ${t.houseSeatId} = ${t.seatId})`,
    ),
  ],
);

/** Every email sent, keyed so a redelivered queue message never sends the same email twice. */
export const emailLog = pgTable(
  "email_log",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    kind: varchar("kind", { length: 40 }).notNull(),
    recipient: varchar("recipient", { length: 255 }).notNull(),
    providerMessageId: text("provider_message_id"),
    sentAt: at("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "email_log_pkey", columns: [t.orderId, t.kind] })],
);

/**
 * Every verified provider webhook event the worker acted on, once per event id. `processed_at` is
 * set only after its handling committed: a row without it is an event whose handling failed and
 * that the provider will deliver again.
 */
export const paymentEvents = pgTable("payment_events", {
  id: varchar("event_id", { length: 255 }).primaryKey(),
  type: varchar("type", { length: 80 }).notNull(),
  orderId: uuid("order_id"),
  receivedAt: at("received_at").notNull().defaultNow(),
  processedAt: at("processed_at"),
});
