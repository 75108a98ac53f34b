import { and, eq, exists, gt, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { orderSeats, orders, paymentEvents, shows } from "../db/schema";
import type { RefundReason, RefundStatus } from "../domain/statuses";
import { orderOf, selectOrderViews, type Transition } from "./order-store";

/**
 * The payment side of orders in Postgres: Checkout Sessions, refunds owed and made, and the
 * webhook events handled. One statement (or one `db.batch`) per function, every change guarded.
 */

type Order = typeof orders.$inferSelect;
const now = sql`now()`;

/** Money the provider says it received for an order. */
export interface ReceivedPayment {
  sessionId: string;
  paymentIntent: string;
}

const showOpenFor = (db: Database) =>
  db
    .select({ one: sql`1` })
    .from(shows)
    .where(and(eq(shows.id, orders.showId), ne(shows.status, "CANCELLED"), gt(shows.startTime, now)));

/** An order's columns once paid, by the webhook in time or by late money: confirmed, ticketed, checkout closed. */
const confirmedBy = (ticketCode: string, payment: ReceivedPayment) => ({
  status: "CONFIRMED" as const,
  confirmedAt: now,
  ticketCode,
  paymentIntentId: payment.paymentIntent,
  paidAt: now,
  paymentSessionClosedAt: now,
});

/**
 * Payment received (docs/API.md flow 3): one guarded UPDATE — the order still PAYMENT_PENDING, its
 * show still open — sets CONFIRMED, the ticket code and the payment; then the order is read as it
 * now is. The deadline is not checked: a pending order still owns its `order_seats` rows (only the
 * statement that expires it deletes them), so money that arrives for it can always be honoured.
 * Undefined: no such order.
 */
export async function confirmOrder(
  db: Database,
  orderId: string,
  ticketCode: string,
  payment: ReceivedPayment,
): Promise<Transition | undefined> {
  const [changed, [row]] = await db.batch([
    db
      .update(orders)
      .set(confirmedBy(ticketCode, payment))
      .where(and(eq(orders.id, orderId), eq(orders.status, "PAYMENT_PENDING"), exists(showOpenFor(db))))
      .returning({ id: orders.id }),
    selectOrderViews(db, orderOf(orderId)),
  ]);
  return row && { row, changed: changed.length > 0 };
}

/**
 * Paid at the theatre's counter (docs/API.md: Back office, box office): the staff member's own
 * pending order — its show still open — is CONFIRMED at once with its ticket, recorded as a counter
 * payment by them. `alongside` runs in the same transaction (the audit row). Undefined: no such order.
 */
export async function confirmCounterSale(
  db: Database,
  input: { orderId: string; ticketCode: string; soldBy: string },
  alongside: BatchItem<"pg">[] = [],
): Promise<Transition | undefined> {
  const { orderId, ticketCode, soldBy } = input;
  const [changed, [row]] = await db.batch([
    db
      .update(orders)
      .set({ status: "CONFIRMED", confirmedAt: now, ticketCode, paidAt: now, paymentMethod: "counter", soldBy })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.userId, soldBy),
          eq(orders.status, "PAYMENT_PENDING"),
          exists(showOpenFor(db)),
        ),
      )
      .returning({ id: orders.id }),
    selectOrderViews(db, orderOf(orderId)),
    ...alongside,
  ]);
  return row && { row, changed: changed.length > 0 };
}

/**
 * The paid-session webhook's one round trip (docs/API.md flow 3): in one transaction, whether the
 * event was handled before; the guarded UPDATE (still PAYMENT_PENDING, show open, exactly the
 * amount paid, event not yet seen) that confirms the order, recording the event in the same
 * statement; and the order as it now is. Nothing changes unless all of that holds, and then the
 * caller takes the slower paths (late money, refunds) that record the event themselves.
 */
export async function confirmPaidOrder(
  db: Database,
  input: {
    event: { id: string; type: string; receivedAt: Date };
    orderId: string;
    amountPaise: number;
    ticketCode: string;
    payment: ReceivedPayment;
  },
) {
  const { event, orderId } = input;
  const confirmed = db.$with("confirmed").as(
    db
      .update(orders)
      .set(confirmedBy(input.ticketCode, input.payment))
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.status, "PAYMENT_PENDING"),
          exists(showOpenFor(db)),
          sql`${orders.amount} * 100 = ${input.amountPaise}`,
          sql`not exists (select 1 from ${paymentEvents} where ${paymentEvents.id} = ${event.id})`,
        ),
      )
      .returning({ id: orders.id }),
  );
  const [seen, recorded, [row]] = await db.batch([
    db
      .select({ type: paymentEvents.type, orderId: paymentEvents.orderId })
      .from(paymentEvents)
      .where(eq(paymentEvents.id, event.id)),
    db
      .with(confirmed)
      .insert(paymentEvents)
      .select(
        db
          .select({
            id: sql`${event.id}`.as("event_id"),
            type: sql`${event.type}`.as("type"),
            orderId: confirmed.id,
            receivedAt: sql`${event.receivedAt.toISOString()}::timestamptz`.as("received_at"),
            processedAt: sql`now()`.as("processed_at"),
          })
          .from(confirmed),
      )
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id }),
    selectOrderViews(db, orderOf(orderId)),
  ]);
  return { seen: seen[0], confirmed: recorded.length > 0, row };
}

/**
 * Late money for an EXPIRED order: its seats are taken back in one transaction — re-inserted into
 * `order_seats` (the primary key refuses any seat sold meanwhile: 23505, and nothing is written)
 * and the order set CONFIRMED with its ticket and payment. Undefined: no such order.
 */
export async function reclaimExpiredOrder(
  db: Database,
  orderId: string,
  ticketCode: string,
  payment: ReceivedPayment,
): Promise<Transition | undefined> {
  const reclaimable = and(eq(orders.id, orderId), eq(orders.status, "EXPIRED"), exists(showOpenFor(db)));
  const [, changed, [row]] = await db.batch([
    db.insert(orderSeats).select(
      db
        .select({
          showId: orders.showId,
          seatId: sql<string>`unnest(${orders.seatIds})`.as("seat_id"),
          orderId: orders.id,
          houseSeatId: sql`null`.as("house_seat_id"),
        })
        .from(orders)
        .where(reclaimable),
    ),
    db
      .update(orders)
      .set(confirmedBy(ticketCode, payment))
      .where(
        and(reclaimable, exists(db.select({ one: sql`1` }).from(orderSeats).where(eq(orderSeats.orderId, orderId)))),
      )
      .returning({ id: orders.id }),
    selectOrderViews(db, orderOf(orderId)),
  ]);
  return row && { row, changed: changed.length > 0 };
}

/**
 * Stores the order's Checkout Session unless it already has one (a concurrent first request, made
 * with the same idempotency key, got the same session); answers the session the order now has.
 */
export async function storePaymentSession(db: Database, orderId: string, session: { id: string; url: string }) {
  const [, [row]] = await db.batch([
    db
      .update(orders)
      .set({ paymentSessionId: session.id, paymentSessionUrl: session.url })
      .where(and(eq(orders.id, orderId), isNull(orders.paymentSessionId))),
    db
      .select({ id: orders.paymentSessionId, url: orders.paymentSessionUrl })
      .from(orders)
      .where(eq(orders.id, orderId)),
  ]);
  return row;
}

/**
 * Money received for an order that cannot be filled (expired with its seats resold, cancelled, show
 * closed): records the payment and that it is owed back in full, once — only the first of any
 * number of deliveries changes the row. Undefined: another event already recorded a payment.
 */
export async function recordUnfillablePayment(
  db: Database,
  orderId: string,
  payment: ReceivedPayment,
  reason: RefundReason,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(orders)
    .set({
      paymentIntentId: payment.paymentIntent,
      paidAt: sql`now()`,
      paymentSessionClosedAt: sql`now()`,
      refundStatus: "pending",
      refundReason: reason,
      refundAmount: sql`${orders.amount}`,
      refundRequestedAt: sql`now()`,
    })
    .where(and(eq(orders.id, orderId), ne(orders.status, "CONFIRMED"), isNull(orders.paymentIntentId)))
    .returning({ id: orders.id });
  return row;
}

export type RefundState = Pick<
  Order,
  "id" | "paymentIntentId" | "refundStatus" | "refundId" | "refundAttempts" | "refundAmount"
>;

export async function findRefundState(db: Database, orderId: string): Promise<RefundState | undefined> {
  const [row] = await db
    .select({
      id: orders.id,
      paymentIntentId: orders.paymentIntentId,
      refundStatus: orders.refundStatus,
      refundId: orders.refundId,
      refundAttempts: orders.refundAttempts,
      refundAmount: orders.refundAmount,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row;
}

/**
 * The provider accepted refund attempt `attempt`: stored unless a concurrent call stored it first
 * (same attempt, same idempotency key, so the same refund).
 */
export async function recordRefundCreated(
  db: Database,
  orderId: string,
  attempt: number,
  refund: { id: string; status: RefundStatus; failure: string | null },
) {
  await db
    .update(orders)
    .set({
      refundId: refund.id,
      refundStatus: refund.status,
      refundFailure: refund.failure,
      refundAttempts: attempt,
      refundUpdatedAt: sql`now()`,
    })
    .where(and(eq(orders.id, orderId), eq(orders.refundAttempts, attempt - 1)));
}

/** A refund call that got no refund: the order says why (it stays owed, and is retried). */
export async function recordRefundCallFailed(db: Database, orderId: string, failure: string) {
  await db.update(orders).set({ refundFailure: failure, refundUpdatedAt: sql`now()` }).where(eq(orders.id, orderId));
}

/**
 * The provider's word on a refund: applied to the order whose current refund it is (an older,
 * failed attempt's late news changes nothing). Answers the order when its status changed.
 */
export async function syncRefundStatus(
  db: Database,
  refundId: string,
  status: RefundStatus,
  failure: string | null,
): Promise<{ orderId: string } | undefined> {
  const [row] = await db
    .update(orders)
    .set({ refundStatus: status, refundFailure: failure, refundUpdatedAt: sql`now()` })
    .where(and(eq(orders.refundId, refundId), sql`${orders.refundStatus} is distinct from ${status}`))
    .returning({ orderId: orders.id });
  return row;
}

export async function findOrderIdOfPaymentIntent(db: Database, paymentIntent: string) {
  const [row] = await db
    .select({ orderId: orders.id, refundId: orders.refundId })
    .from(orders)
    .where(eq(orders.paymentIntentId, paymentIntent));
  return row;
}

/** Refunds owed that the provider never accepted, owed for longer than `minutes` (a lost queue message). */
export async function unsentRefunds(db: Database, minutes: number, limit: number) {
  const rows = await db
    .select({ orderId: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.refundStatus, "pending"),
        isNull(orders.refundId),
        // A counter sale's money goes back at the counter, never through the provider.
        isNotNull(orders.paymentIntentId),
        lt(orders.refundRequestedAt, sql`now() - make_interval(mins => ${minutes})`),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.orderId);
}

/** Sessions of orders that can no longer be paid (expired, cancelled) not yet closed at the provider. */
export async function sessionsToClose(db: Database, limit: number) {
  return db
    .select({ orderId: orders.id, sessionId: sql<string>`${orders.paymentSessionId}` })
    .from(orders)
    .where(
      and(
        isNotNull(orders.paymentSessionId),
        isNull(orders.paymentSessionClosedAt),
        inArray(orders.status, ["EXPIRED", "CANCELLED"]),
      ),
    )
    .limit(limit);
}

export async function markSessionsClosed(db: Database, orderIds: string[]) {
  if (orderIds.length === 0) return;
  await db
    .update(orders)
    .set({ paymentSessionClosedAt: sql`now()` })
    .where(and(inArray(orders.id, orderIds), isNull(orders.paymentSessionClosedAt)));
}

export type PaymentEventRow = typeof paymentEvents.$inferSelect;

export async function findPaymentEvent(db: Database, eventId: string): Promise<PaymentEventRow | undefined> {
  const [row] = await db.select().from(paymentEvents).where(eq(paymentEvents.id, eventId));
  return row;
}

/** Written once an event's handling has committed: its first handling's times are kept. */
export async function recordPaymentEvent(
  db: Database,
  event: { id: string; type: string; orderId: string | null; receivedAt: Date },
) {
  await db
    .insert(paymentEvents)
    .values({
      id: event.id,
      type: event.type,
      orderId: event.orderId,
      receivedAt: event.receivedAt.toISOString(),
      processedAt: sql`now()`,
    })
    .onConflictDoNothing();
}
