import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import type { SeatLayout } from "../domain/seat-layout";
import type {
  HouseSeatReason,
  OrderStatus,
  PaymentMethod,
  RefundReason,
  RefundStatus,
  ShowStatus,
} from "../domain/statuses";
import { at } from "./columns";

export { ORDER_STATUSES, type OrderStatus, SHOW_STATUSES, type ShowStatus } from "../domain/statuses";

// Postgres is the source of truth (docs/API.md: Data). Column names follow the original design.
const createdAt = () => at("created_at").notNull().defaultNow();

export const movies = pgTable("movies", {
  id: uuid("movie_id").primaryKey().defaultRandom(),
  title: varchar("title", { length: 255 }).notNull(),
  about: text("about"),
  thumbnailUrl: text("thumbnail_url"),
  rating: numeric("rating", { precision: 3, scale: 1 }),
  durationMins: integer("duration_mins"),
  ageRating: varchar("age_rating", { length: 10 }),
  releaseDate: date("release_date", { mode: "string" }),
  language: varchar("language", { length: 50 }),
  format: varchar("format", { length: 20 }),
  genres: text("genres").array().notNull().default(sql`'{}'::text[]`),
  /** Every language and format it plays in; `language`/`format` stay the first of each. */
  languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
  formats: text("formats").array().notNull().default(sql`'{}'::text[]`),
  /** Retired by staff: gone from the catalog, kept for the orders and shows that name it. */
  retiredAt: at("retired_at"),
  createdAt: createdAt(),
});

export const theatres = pgTable(
  "theatres",
  {
    id: uuid("theatre_id").primaryKey().defaultRandom(),
    name: varchar("name", { length: 255 }).notNull(),
    city: varchar("city", { length: 100 }),
    address: text("address"),
    geoLat: numeric("geo_lat", { precision: 10, scale: 8 }),
    geoLng: numeric("geo_lng", { precision: 11, scale: 8 }),
    cancellationAvailable: boolean("cancellation_available").notNull().default(true),
    /** Added to every order at this theatre, once per order (rupees, exact numeric). */
    convenienceFee: numeric("convenience_fee", { precision: 10, scale: 2 }).notNull().default("0"),
    /** Customers may cancel until this many minutes before the show; null → CANCELLATION_CUTOFF_MINUTES. */
    cancellationCutoffMinutes: integer("cancellation_cutoff_minutes"),
    /** Kept from a customer's refund when they cancel (percent of the seats' price). */
    cancellationFeePct: numeric("cancellation_fee_pct", { precision: 5, scale: 2 }).notNull().default("0"),
    createdAt: createdAt(),
  },
  (t) => [
    check("theatres_convenience_fee_check", sql`${t.convenienceFee} >= 0`),
    check("theatres_cancellation_cutoff_check", sql`${t.cancellationCutoffMinutes} >= 0`),
    check("theatres_cancellation_fee_check", sql`${t.cancellationFeePct} between 0 and 100`),
  ],
);

/** A hall of a theatre. Its seat layouts are versions in seat_layouts; the newest applies to new shows. */
export const screens = pgTable(
  "screens",
  {
    id: uuid("screen_id").primaryKey().defaultRandom(),
    theatreId: uuid("theatre_id")
      .notNull()
      .references(() => theatres.id),
    name: varchar("name", { length: 50 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("screens_theatre_name_key").on(t.theatreId, t.name)],
);

/**
 * One version of a screen's seating plan. A version a show with sales uses is never changed: an
 * edit then writes the next version, which new shows get (src/admin: edit a screen).
 */
export const seatLayouts = pgTable(
  "seat_layouts",
  {
    id: uuid("layout_id").primaryKey().defaultRandom(),
    theatreId: uuid("theatre_id").references(() => theatres.id),
    screenName: varchar("screen_name", { length: 50 }),
    /** null only for layouts made before screens existed and not yet backfilled. */
    screenId: uuid("screen_id").references(() => screens.id),
    version: integer("version").notNull().default(1),
    rows: integer("rows").notNull(),
    cols: integer("cols").notNull(),
    layout: jsonb("layout_json").$type<SeatLayout>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("seat_layouts_screen_version_key").on(t.screenId, t.version)],
);

export const shows = pgTable(
  "shows",
  {
    id: uuid("show_id").primaryKey().defaultRandom(),
    movieId: uuid("movie_id")
      .notNull()
      .references(() => movies.id),
    theatreId: uuid("theatre_id")
      .notNull()
      .references(() => theatres.id),
    /** null → the default 10×10 hall. */
    layoutId: uuid("layout_id").references(() => seatLayouts.id),
    /** The hall; null for shows made before screens existed (the default hall). */
    screenId: uuid("screen_id").references(() => screens.id),
    startTime: at("start_time").notNull(),
    /** When the hall is free again: start + runtime + cleaning buffer. Two shows' ranges never overlap. */
    hallFreeAt: at("hall_free_at"),
    /** The lowest category price; a seat's price is `category_prices[category]` when set. */
    price: numeric("price", { precision: 10, scale: 2 }).notNull(),
    /** Ticket price per seat category (decimal strings); null → base price + the layout's surcharges. */
    categoryPrices: jsonb("category_prices").$type<Record<string, string>>(),
    /** The show's own language and format; null → the movie's. */
    language: varchar("language", { length: 50 }),
    format: varchar("format", { length: 20 }),
    /** Staff open and close online sales; a closed show takes no holds and no orders. */
    salesOpen: boolean("sales_open").notNull().default(true),
    status: varchar("status", { length: 20 }).$type<ShowStatus>().notNull().default("AVAILABLE"),
    createdAt: createdAt(),
  },
  (t) => [
    index("idx_shows_movie_date").on(t.movieId, t.startTime),
    index("idx_shows_theatre").on(t.theatreId, t.startTime),
    index("idx_shows_screen").on(t.screenId, t.startTime),
    check("shows_status_check", sql`${t.status} in ('AVAILABLE','FILLING_FAST','ALMOST_FULL','CANCELLED')`),
    check("shows_price_check", sql`${t.price} >= 0`),
  ],
);

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
