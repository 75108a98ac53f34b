import type { Database } from "../db/client";
import { and, eq, exists, gt, inArray, isNull, lte, ne, or, type SQL, sql } from "../db/drizzle";
import { orderShow, showLayout, showTheatre } from "../db/joins";
import { orderSeats, orders, seatLayouts, shows, theatres } from "../db/schema";
import { type OrderRow, orderOf, selectOrderViews, type Transition } from "./order-reads";
import type { Customer } from "./schemas";

/**
 * Orders in Postgres, the source of truth. Every operation here is one database round trip: a
 * single statement or one `db.batch` (one transaction over Neon's HTTP endpoint). Within a batch
 * each statement reads the latest committed rows (READ COMMITTED), which is how a repeated
 * confirm or cancel that waited on a concurrent one reads that one's result, not its old snapshot.
 * The order as its views read it: order-reads.ts.
 */

type Order = typeof orders.$inferSelect;

const now = sql`now()`;
/** Who an order is for; a counter sale may have no email address. */
export type OrderCustomer = Omit<Customer, "email"> & { email: string | null };

export interface NewOrder {
  orderId: string;
  userId: string;
  showId: string;
  holdId: string;
  seatIds: string[];
  customer: OrderCustomer;
  /** How many of the seats are in each of the hall's categories; their prices come from the show row itself. */
  seatsByCategory: Record<string, number>;
  expiresAt: Date;
  /** The address budget tag the hold charged (its id names it): that budget carries the seats until settled. */
  budgetAddressTag: string | null;
  /** On an on-sale show: the admission bought with (one live order each: orders_admission_once). */
  admission?: { eventId: string; untilMs: number };
}

/**
 * Writes an order and its seats in one transaction (docs/API.md flow 2). First, any PAYMENT_PENDING
 * order past its deadline that still claims one of these seats is expired (so a stale order never
 * blocks a seat, even before the cron runs). Then the order is inserted only if the show is still
 * open, priced from the show's price in Postgres. `order_seats`' primary key refuses a seat that is
 * already sold: the whole transaction fails with 23505 and nothing is written.
 * Returns the order this hold has (this one, or one an earlier claim wrote) and whether this call
 * wrote it, or undefined when the show no longer takes bookings.
 */
export async function insertOrder(
  db: Database,
  order: NewOrder,
): Promise<{ row: OrderRow; inserted: boolean } | undefined> {
  const { orderId, userId, showId, holdId, seatIds, customer, admission } = order;
  const seats = sql`${sql.param(seatIds)}::text[]`;
  const admissionUntil = admission && new Date(admission.untilMs).toISOString();
  // A stale order of the same admission does not stand in the way of this one either.
  const sameAdmission = admission
    ? and(
        eq(orders.admissionEventId, admission.eventId),
        eq(orders.userId, userId),
        eq(orders.admissionUntil, admissionUntil ?? ""),
      )
    : undefined;
  const stale = db.$with("stale").as(
    db
      .update(orders)
      .set({ status: "EXPIRED" })
      .where(
        and(
          eq(orders.status, "PAYMENT_PENDING"),
          lte(orders.expiresAt, now),
          or(
            inArray(
              orders.id,
              db
                .select({ id: orderSeats.orderId })
                .from(orderSeats)
                .where(and(eq(orderSeats.showId, showId), inArray(orderSeats.seatId, seatIds))),
            ),
            sameAdmission,
          ),
        ),
      )
      .returning({ id: orders.id }),
  );
  const newOrder = db.$with("new_order").as(
    db
      .insert(orders)
      .select(
        db
          .select({
            id: sql`${orderId}::uuid`.as("order_id"),
            userId: sql`${userId}`.as("user_id"),
            showId: shows.id,
            holdId: sql`${holdId}`.as("hold_id"),
            seatIds: sql`${seats}`.as("seat_ids"),
            customerName: sql`${customer.name}`.as("customer_name"),
            customerEmail: sql`${customer.email}`.as("customer_email"),
            customerPhone: sql`${customer.phone}`.as("customer_phone"),
            amount: sql`${seatsPriceNow(order.seatsByCategory)} + ${theatres.convenienceFee}`.as("amount"),
            status: sql`'PAYMENT_PENDING'`.as("status"),
            ticketCode: sql`null`.as("ticket_code"),
            createdAt: sql`now()`.as("created_at"),
            confirmedAt: sql`null::timestamptz`.as("confirmed_at"),
            cancelledAt: sql`null::timestamptz`.as("cancelled_at"),
            expiresAt: sql`${order.expiresAt.toISOString()}::timestamptz`.as("expires_at"),
            convenienceFee: theatres.convenienceFee,
            paymentSessionId: sql`null`.as("payment_session_id"),
            paymentSessionUrl: sql`null`.as("payment_session_url"),
            paymentSessionClosedAt: sql`null::timestamptz`.as("payment_session_closed_at"),
            paymentIntentId: sql`null`.as("payment_intent_id"),
            paidAt: sql`null::timestamptz`.as("paid_at"),
            refundStatus: sql`null`.as("refund_status"),
            refundReason: sql`null`.as("refund_reason"),
            refundAmount: sql`null::numeric`.as("refund_amount"),
            refundId: sql`null`.as("refund_id"),
            refundAttempts: sql`0`.as("refund_attempts"),
            refundFailure: sql`null`.as("refund_failure"),
            refundRequestedAt: sql`null::timestamptz`.as("refund_requested_at"),
            refundUpdatedAt: sql`null::timestamptz`.as("refund_updated_at"),
            paymentMethod: sql`'online'`.as("payment_method"),
            soldBy: sql`null::uuid`.as("sold_by"),
            budgetAddressTag: sql`${order.budgetAddressTag}`.as("budget_address_tag"),
            admissionEventId: sql`${admission?.eventId ?? null}::uuid`.as("admission_event_id"),
            admissionUntil: sql`${admissionUntil ?? null}::timestamptz`.as("admission_until"),
          })
          .from(shows)
          .innerJoin(theatres, showTheatre)
          .leftJoin(seatLayouts, showLayout)
          .where(
            // Postgres decides, whatever a cache said: a cancelled, closed or started show sells nothing.
            and(
              eq(shows.id, showId),
              ne(shows.status, "CANCELLED"),
              eq(shows.salesOpen, true),
              gt(shows.startTime, now),
            ),
          ),
      )
      .onConflictDoNothing({ target: orders.holdId })
      .returning({ id: orders.id }),
  );
  const [, seatsWritten, selected] = await db.batch([
    db
      .with(stale)
      .delete(orderSeats)
      .where(inArray(orderSeats.orderId, db.select({ id: stale.id }).from(stale))),
    db
      .with(newOrder)
      .insert(orderSeats)
      .select(
        db
          .select({
            showId: sql`${showId}::uuid`.as("show_id"),
            seatId: sql`seat`.as("seat_id"),
            orderId: newOrder.id,
            houseSeatId: sql`null`.as("house_seat_id"),
          })
          .from(newOrder)
          .crossJoin(sql`unnest(${seats}) AS seat`),
      )
      .returning({ orderId: orderSeats.orderId }),
    selectOrderViews(db, eq(orders.holdId, holdId)),
  ]);
  const [row] = selected;
  return row && { row, inserted: seatsWritten.length > 0 };
}

/**
 * The seats' price from the show's row as this statement reads it, never from a cached copy (a
 * re-price elsewhere is not seen by this isolate's booking info for seconds): each category as
 * domain/pricing.ts's pricedLayout sets it — the show's own price for it, never below the base
 * price, else the base price plus the hall's surcharge.
 */
function seatsPriceNow(seatsByCategory: Record<string, number>): SQL {
  const counts = JSON.stringify(Object.entries(seatsByCategory).map(([code, seats]) => ({ code, seats })));
  const own = sql`(${shows.categoryPrices} ->> k.code)`;
  const hall = sql`(select (c ->> 'surcharge')::numeric from jsonb_array_elements(${seatLayouts.layout} -> 'categories') c where c ->> 'code' = k.code)`;
  const surcharge = sql`case when ${own} is not null then greatest(${own}::numeric - ${shows.price}, 0) else coalesce(${hall}, 0) end`;
  return sql`(select coalesce(sum(k.seats * (${shows.price} + ${surcharge})), 0) from jsonb_to_recordset(${counts}::jsonb) as k(code text, seats int))`;
}

/**
 * A pending order's payment deadline becomes its Redis claim's: a hold ordered again after a failed
 * order keeps its first payment window (order-hold.lua), so the order written alongside must too.
 */
export async function alignOrderDeadline(db: Database, orderId: string, expiresAt: Date): Promise<void> {
  await db
    .update(orders)
    .set({ expiresAt: expiresAt.toISOString() })
    .where(and(eq(orders.id, orderId), eq(orders.status, "PAYMENT_PENDING")));
}

/**
 * Takes back an order this request wrote while its Redis claim was refused (or could not be
 * made): only the caller's, and only while it is untouched — pending, no checkout session, no payment. Its
 * `order_seats` go with it (ON DELETE CASCADE). Answers whether it was removed.
 */
export async function removeUnclaimedOrder(db: Database, orderId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(orders)
    .where(
      and(
        orderOf(orderId, userId),
        eq(orders.status, "PAYMENT_PENDING"),
        isNull(orders.paymentSessionId),
        isNull(orders.paymentIntentId),
      ),
    )
    .returning({ id: orders.id });
  return removed.length > 0;
}

/**
 * Cancellation: an unpaid order before its deadline, or a paid one where the theatre allows it and
 * the show is more than `cutoffMinutes` away; its seats are released in the same transaction.
 * The target row is locked (`FOR UPDATE`), so a cancel that waited on a concurrent one sees it
 * already cancelled and changes nothing. Undefined: no such order.
 */
export async function cancelOrder(
  db: Database,
  orderId: string,
  userId: string,
  cutoffMinutes: number,
): Promise<Transition<{ previousStatus: Order["status"] }> | undefined> {
  const target = db.$with("target").as(
    db
      .select({
        id: orders.id,
        previousStatus: sql<Order["status"]>`${orders.status}`.as("previous_status"),
        // The theatre cancelled the show (its job may not have reached this order yet): the
        // customer's cancel is then its cancel, and the theatre keeps no fee of a show it did not give.
        showCancelled: sql<boolean>`${shows.status} = 'CANCELLED'`.as("show_cancelled"),
        feePct: sql<string>`case when ${shows.status} = 'CANCELLED' then 0 else ${theatres.cancellationFeePct} end`.as(
          "fee_pct",
        ),
      })
      .from(orders)
      .innerJoin(shows, orderShow)
      .innerJoin(theatres, showTheatre)
      .where(
        and(
          orderOf(orderId, userId),
          // The theatre's own cut-off, else the deployment's (domain/cancellation-policy.ts).
          sql`((${orders.status} = 'PAYMENT_PENDING' AND ${orders.expiresAt} > now())
            OR (${orders.status} = 'CONFIRMED' AND ${theatres.cancellationAvailable}
                AND ${shows.startTime} > now() + make_interval(mins => coalesce(${theatres.cancellationCutoffMinutes}, ${cutoffMinutes}))))`,
        ),
      )
      .for("update", { of: orders }),
  );
  const whenPaid = (value: SQL) =>
    sql`case when ${target.previousStatus} = 'CONFIRMED' and ${orders.paymentIntentId} is not null then ${value} end`;
  const [changed, , [row]] = await db.batch([
    db
      .with(target)
      .update(orders)
      .set({
        status: "CANCELLED",
        cancelledAt: sql`now()`,
        // A paid booking's money is owed back from this moment, durably, before any provider call.
        refundStatus: whenPaid(sql`'pending'`),
        refundReason: whenPaid(sql`case when ${target.showCancelled} then 'SHOW_CANCELLED' else 'CANCELLED' end`),
        // Less the theatre's fee % of the tickets' price (not of the convenience fee): the same sum
        // as domain/cancellation-policy.ts's cancellationFeeOf, which the order view quotes.
        refundAmount: whenPaid(
          sql`${orders.amount} - round((${orders.amount} - ${orders.convenienceFee}) * ${target.feePct} / 100, 2)`,
        ),
        refundRequestedAt: whenPaid(sql`now()`),
      })
      .from(target)
      .where(eq(orders.id, target.id))
      .returning({ previousStatus: target.previousStatus }),
    freeSeatsIfCancelled(db, orderId),
    selectOrderViews(db, orderOf(orderId, userId)),
  ]);
  if (!row) return undefined;
  const [made] = changed;
  return made ? { row, changed: true, previousStatus: made.previousStatus } : { row, changed: false };
}

/** The statement that frees an order's `order_seats` rows once (in its transaction) it is CANCELLED. */
export const freeSeatsIfCancelled = (db: Database, orderId: string) =>
  db.delete(orderSeats).where(
    and(
      eq(orderSeats.orderId, orderId),
      exists(
        db
          .select({ one: sql`1` })
          .from(orders)
          .where(and(eq(orders.id, orderId), eq(orders.status, "CANCELLED"))),
      ),
    ),
  );
