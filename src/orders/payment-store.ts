import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { and, eq, exists, gt, inArray, isNotNull, isNull, ne, sql } from "../db/drizzle";
import { orderShow } from "../db/joins";
import { orderSeats, orders, paymentEvents, shows } from "../db/schema";
import type { RefundReason } from "../domain/statuses";
import { orderOf, selectOrderViews, type Transition } from "./order-reads";

/**
 * The payment side of orders in Postgres: confirmations, Checkout Sessions, money owed back and the
 * webhook events handled (the refunds themselves: refund-store.ts). One statement (or one
 * `db.batch`) per function, every change guarded.
 */

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
    .where(and(orderShow, ne(shows.status, "CANCELLED"), gt(shows.startTime, now)));

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
