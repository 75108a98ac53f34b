import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { OrderStatus } from "../db/schema";
import { cancellationVerdict } from "../domain/order-rules";
import type { Customer, OrderView } from "./schemas";

/**
 * Orders in Postgres, the source of truth. Every operation here is one database round trip: a
 * single statement (CTEs) or one transaction batch over Neon's HTTP endpoint.
 */

/**
 * One order row joined with its show, movie and theatre, as every order query selects it. `alias`
 * names where the order columns come from: the orders table, or a CTE returning order rows.
 */
const orderView = (alias: string) =>
  sql.raw(`
  ${alias}.order_id, ${alias}.user_id, ${alias}.show_id, ${alias}.hold_id, ${alias}.seat_ids,
  ${alias}.customer_name, ${alias}.customer_email, ${alias}.customer_phone, ${alias}.amount, ${alias}.status,
  ${alias}.ticket_code, ${alias}.created_at, ${alias}.confirmed_at, ${alias}.cancelled_at, ${alias}.expires_at,
  s.start_time, m.movie_id, m.title, m.thumbnail_url, m.language, m.format, m.duration_mins, m.age_rating,
  t.theatre_id, t.name AS theatre_name, t.city, t.address, t.cancellation_available`);

const orderJoins = (alias: string) =>
  sql.raw(`
  JOIN shows s ON s.show_id = ${alias}.show_id
  JOIN movies m ON m.movie_id = s.movie_id
  JOIN theatres t ON t.theatre_id = s.theatre_id`);

const ORDER_VIEW = orderView("o");
const ORDER_JOINS = orderJoins("o");

export interface OrderRow {
  order_id: string;
  user_id: string;
  show_id: string;
  hold_id: string;
  seat_ids: string[];
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  amount: string;
  status: OrderStatus;
  ticket_code: string | null;
  created_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  expires_at: string;
  start_time: string;
  movie_id: string;
  title: string;
  thumbnail_url: string | null;
  language: string | null;
  format: string | null;
  duration_mins: number | null;
  age_rating: string | null;
  theatre_id: string;
  theatre_name: string;
  city: string | null;
  address: string | null;
  cancellation_available: boolean;
}

const iso = (text: string) => new Date(text).toISOString();
const isoOrNull = (text: string | null) => (text === null ? null : iso(text));

export function orderViewOf(row: OrderRow, now: Date, cancellationCutoffMinutes: number): OrderView {
  const verdict = cancellationVerdict(
    { status: row.status, expiresAt: row.expires_at },
    { startTime: row.start_time, cancellationAvailable: row.cancellation_available },
    now,
    cancellationCutoffMinutes,
  );
  return {
    orderId: row.order_id,
    status: row.status,
    holdId: row.hold_id,
    seatIds: row.seat_ids,
    amount: row.amount,
    ticketCode: row.ticket_code,
    customer: { name: row.customer_name, email: row.customer_email, phone: row.customer_phone },
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    confirmedAt: isoOrNull(row.confirmed_at),
    cancelledAt: isoOrNull(row.cancelled_at),
    cancellable: verdict.allowed,
    show: {
      id: row.show_id,
      startTime: iso(row.start_time),
      movie: {
        id: row.movie_id,
        title: row.title,
        posterUrl: row.thumbnail_url,
        language: row.language,
        format: row.format,
        durationMins: row.duration_mins,
        ageRating: row.age_rating,
      },
      theatre: {
        id: row.theatre_id,
        name: row.theatre_name,
        city: row.city,
        address: row.address,
        cancellationAvailable: row.cancellation_available,
      },
    },
  };
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface NewOrder {
  orderId: string;
  userId: string;
  showId: string;
  holdId: string;
  seatIds: string[];
  customer: Customer;
  /** Sum of the seats' category surcharges; the base price comes from the show row itself. */
  surchargeTotal: string;
  expiresAt: Date;
}

/**
 * Writes an order and its seats in one transaction (SPEC flow 2). First, any PAYMENT_PENDING order
 * past its deadline that still claims one of these seats is expired (so a stale order never blocks
 * a seat, even before the cron runs). Then the order is inserted only if the show is still open,
 * priced from the show's price in Postgres. `order_seats`' primary key refuses a seat that is
 * already sold: the whole transaction fails with 23505 and nothing is written.
 * Returns the order this hold has (new or from an earlier attempt), or undefined when the show
 * no longer takes bookings.
 */
export async function insertOrder(db: Database, order: NewOrder): Promise<OrderRow | undefined> {
  const { orderId, userId, showId, holdId, seatIds, customer } = order;
  const seats = sql`${sql.param(seatIds)}::text[]`;
  const [, , selected] = await db.batch([
    db.execute(sql`
      WITH stale AS (
        UPDATE orders SET status = 'EXPIRED'
        WHERE status = 'PAYMENT_PENDING' AND expires_at <= now()
          AND order_id IN (SELECT order_id FROM order_seats WHERE show_id = ${showId} AND seat_id = ANY(${seats}))
        RETURNING order_id)
      DELETE FROM order_seats WHERE order_id IN (SELECT order_id FROM stale)`),
    db.execute(sql`
      WITH new_order AS (
        INSERT INTO orders (order_id, user_id, show_id, hold_id, seat_ids, customer_name, customer_email,
                            customer_phone, amount, status, expires_at)
        SELECT ${orderId}, ${userId}, s.show_id, ${holdId}, ${seats}, ${customer.name}, ${customer.email},
               ${customer.phone}, s.price * ${seatIds.length} + ${order.surchargeTotal}::numeric, 'PAYMENT_PENDING',
               ${order.expiresAt.toISOString()}
        FROM shows s
        WHERE s.show_id = ${showId} AND s.status <> 'CANCELLED' AND s.start_time > now()
        ON CONFLICT (hold_id) DO NOTHING
        RETURNING order_id)
      INSERT INTO order_seats (show_id, seat_id, order_id)
      SELECT ${showId}, seat, new_order.order_id FROM new_order, unnest(${seats}) AS seat`),
    db.execute(sql`SELECT ${ORDER_VIEW} FROM orders o ${ORDER_JOINS} WHERE o.hold_id = ${holdId}`),
  ]);
  return rowsOf<OrderRow>(selected)[0];
}

export async function findOrder(db: Database, orderId: string, userId: string): Promise<OrderRow | undefined> {
  const result = await db.execute(
    sql`SELECT ${ORDER_VIEW} FROM orders o ${ORDER_JOINS} WHERE o.order_id = ${orderId} AND o.user_id = ${userId}`,
  );
  return rowsOf<OrderRow>(result)[0];
}

export async function findOrderOfHold(db: Database, holdId: string, userId: string): Promise<OrderRow | undefined> {
  const result = await db.execute(
    sql`SELECT ${ORDER_VIEW} FROM orders o ${ORDER_JOINS} WHERE o.hold_id = ${holdId} AND o.user_id = ${userId}`,
  );
  return rowsOf<OrderRow>(result)[0];
}

export async function listOrders(db: Database, userId: string, page: number, pageSize: number) {
  const [items, totals] = await db.batch([
    db.execute(sql`
      SELECT ${ORDER_VIEW} FROM orders o ${ORDER_JOINS}
      WHERE o.user_id = ${userId}
      ORDER BY o.created_at DESC, o.order_id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    db.execute(sql`SELECT count(*)::int AS total FROM orders WHERE user_id = ${userId}`),
  ]);
  return { rows: rowsOf<OrderRow>(items), total: rowsOf<{ total: number }>(totals)[0]?.total ?? 0 };
}

/** `changed` = this statement made the change; otherwise the order as it already was. */
type Transition = { row: OrderRow & { changed: boolean; previous_status: OrderStatus | null } } | undefined;

/** Runs `change` (a CTE named `changed` returning order rows) and answers with the order either way. */
async function transition(db: Database, orderId: string, userId: string, change: SQL): Promise<Transition> {
  const result = await db.execute(sql`
    WITH ${change}
    SELECT true AS changed, c.previous_status, ${orderView("c")} FROM changed c ${orderJoins("c")}
    UNION ALL
    SELECT false, NULL, ${ORDER_VIEW} FROM orders o ${ORDER_JOINS}
    WHERE o.order_id = ${orderId} AND o.user_id = ${userId} AND NOT EXISTS (SELECT 1 FROM changed)`);
  const row = rowsOf<OrderRow & { changed: boolean; previous_status: OrderStatus | null }>(result)[0];
  return row && { row };
}

/**
 * Payment confirmed (SPEC flow 3): one guarded UPDATE — the caller's order, still
 * PAYMENT_PENDING and not past its deadline — sets CONFIRMED, confirmed_at and the ticket code.
 */
export function confirmOrder(db: Database, orderId: string, userId: string, ticketCode: string) {
  return transition(
    db,
    orderId,
    userId,
    sql`changed AS (
      UPDATE orders SET status = 'CONFIRMED', confirmed_at = now(), ticket_code = ${ticketCode}
      WHERE order_id = ${orderId} AND user_id = ${userId} AND status = 'PAYMENT_PENDING' AND expires_at > now()
      RETURNING orders.*, 'PAYMENT_PENDING'::varchar AS previous_status)`,
  );
}

/**
 * Cancellation: an unpaid order before its deadline, or a paid one where the theatre allows it and
 * the show is more than `cutoffMinutes` away. Its seats are released in the same statement.
 */
export function cancelOrder(db: Database, orderId: string, userId: string, cutoffMinutes: number) {
  return transition(
    db,
    orderId,
    userId,
    sql`target AS (
      SELECT o.order_id, o.status FROM orders o
      JOIN shows s ON s.show_id = o.show_id
      JOIN theatres t ON t.theatre_id = s.theatre_id
      WHERE o.order_id = ${orderId} AND o.user_id = ${userId}
        AND ((o.status = 'PAYMENT_PENDING' AND o.expires_at > now())
          OR (o.status = 'CONFIRMED' AND t.cancellation_available
              AND s.start_time > now() + make_interval(mins => ${cutoffMinutes})))
      FOR UPDATE OF o),
    changed AS (
      UPDATE orders SET status = 'CANCELLED', cancelled_at = now()
      FROM target WHERE orders.order_id = target.order_id
      RETURNING orders.*, target.status AS previous_status),
    freed AS (DELETE FROM order_seats WHERE order_id IN (SELECT order_id FROM changed))`,
  );
}
