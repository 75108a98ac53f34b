import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import type { AnyPgColumn } from "../db/drizzle";
import { and, asc, eq, exists, inArray, isNull, ne, type SQL, sql } from "../db/drizzle";
import { emailLog, orders, shows } from "../db/schema";
import { freeSeatsIfCancelled } from "../orders/order-store";
import { formatPaise, toPaise } from "../shared/money";
import { showCancellationOrders, showCancellations } from "./ops-tables";

/**
 * A show's cancellation in Postgres (docs/API.md: Back office, cancelling a show). Every function
 * is one round trip: a statement or one `db.batch` (a transaction over Neon's HTTP endpoint).
 */

type Order = typeof orders.$inferSelect;
const now = sql`now()`;

/**
 * The show stops selling: CANCELLED (a hold checks it through the booking-info cache, an order in
 * its own transaction) and its cancellation recorded, with `alongside` (the audit row) in the same
 * transaction. A repeat changes nothing. Answers whether this call cancelled it.
 */
export async function markShowCancelled(
  db: Database,
  input: { showId: string; requestedBy: string; reason: string | null },
  alongside: BatchItem<"pg">[] = [],
): Promise<boolean> {
  const { showId, requestedBy, reason } = input;
  const [changed] = await db.batch([
    db
      .update(shows)
      .set({ status: "CANCELLED" })
      .where(and(eq(shows.id, showId), ne(shows.status, "CANCELLED")))
      .returning({ id: shows.id }),
    db.insert(showCancellations).values({ showId, requestedBy, reason }).onConflictDoNothing(),
    ...alongside,
  ]);
  return changed.length > 0;
}

/**
 * The job's next orders: first every order the show still has pending or confirmed joins the work
 * list (once; a resumed job adds only orders it never saw), then up to `limit` not yet handled.
 */
export async function nextOrdersToCancel(db: Database, showId: string, limit: number) {
  const [, next] = await db.batch([
    db
      .insert(showCancellationOrders)
      .select(
        db
          .select({
            orderId: orders.id,
            showId: orders.showId,
            statusBefore: orders.status,
            processedAt: sql`null::timestamptz`.as("processed_at"),
            outcome: sql`null`.as("outcome"),
          })
          .from(orders)
          .where(and(eq(orders.showId, showId), inArray(orders.status, ["PAYMENT_PENDING", "CONFIRMED"]))),
      )
      .onConflictDoNothing(),
    db
      .select({ orderId: showCancellationOrders.orderId })
      .from(showCancellationOrders)
      .where(and(eq(showCancellationOrders.showId, showId), isNull(showCancellationOrders.processedAt)))
      .orderBy(asc(showCancellationOrders.orderId))
      .limit(limit),
  ]);
  return next.map((r) => r.orderId);
}

/**
 * One order of a cancelled show: PAYMENT_PENDING or CONFIRMED becomes CANCELLED and its seats are
 * freed, in one transaction; a paid one owes its whole amount back from this moment (reason
 * SHOW_CANCELLED), durably, before any provider call. A refund already owed stays as it is. The
 * row is locked, so a customer's cancel racing this one changes nothing twice.
 */
export async function cancelOrderOfCancelledShow(db: Database, orderId: string) {
  const target = db.$with("target").as(
    db
      .select({ id: orders.id, previousStatus: sql<Order["status"]>`${orders.status}`.as("previous_status") })
      .from(orders)
      .where(and(eq(orders.id, orderId), inArray(orders.status, ["PAYMENT_PENDING", "CONFIRMED"])))
      .for("update"),
  );
  const paid = sql`${target.previousStatus} = 'CONFIRMED' and (${orders.paymentIntentId} is not null or ${orders.paymentMethod} = 'counter')`;
  const owed = (column: AnyPgColumn, value: SQL) => sql`coalesce(${column}, case when ${paid} then ${value} end)`;
  const [changed, , [order]] = await db.batch([
    db
      .with(target)
      .update(orders)
      .set({
        status: "CANCELLED",
        cancelledAt: now,
        refundStatus: owed(orders.refundStatus, sql`'pending'`),
        refundReason: owed(orders.refundReason, sql`'SHOW_CANCELLED'`),
        refundAmount: owed(orders.refundAmount, sql`${orders.amount}`),
        refundRequestedAt: owed(orders.refundRequestedAt, now),
      })
      .from(target)
      .where(eq(orders.id, target.id))
      .returning({ previousStatus: target.previousStatus }),
    freeSeatsIfCancelled(db, orderId),
    db.select().from(orders).where(eq(orders.id, orderId)),
  ]);
  if (!order) throw new Error(`order ${orderId} vanished`);
  const [made] = changed;
  return { order, changedFrom: made?.previousStatus };
}

export type CancellationOutcome = "CANCELLED" | "REFUNDING" | "REFUND_AT_COUNTER" | "NOTHING";

/** The order is handled (cancelled, refund asked for, email queued): a resumed job skips it. */
export async function markOrderHandled(db: Database, orderId: string, outcome: CancellationOutcome) {
  await db
    .update(showCancellationOrders)
    .set({ processedAt: now, outcome })
    .where(and(eq(showCancellationOrders.orderId, orderId), isNull(showCancellationOrders.processedAt)));
}

/** Marks the cancellation complete once no order is left to handle or to take; answers whether it is complete. */
export async function completeCancellation(db: Database, showId: string): Promise<boolean> {
  const [row] = await db
    .update(showCancellations)
    .set({ completedAt: sql`coalesce(${showCancellations.completedAt}, now())` })
    .where(
      and(
        eq(showCancellations.showId, showId),
        sql`not exists (select 1 from ${showCancellationOrders} where ${showCancellationOrders.showId} = ${showId} and ${showCancellationOrders.processedAt} is null)`,
        // An order that committed as the show was cancelled is not on the list yet: one more step takes it.
        sql`not exists (select 1 from ${orders} where ${orders.showId} = ${showId} and ${orders.status} in ('PAYMENT_PENDING', 'CONFIRMED'))`,
      ),
    )
    .returning({ completedAt: showCancellations.completedAt });
  return row !== undefined;
}

const counted = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Where the job is: the cancellation, and its orders counted by what became of them. One query. */
export async function cancellationState(db: Database, showId: string) {
  const sentShowCancelled = exists(
    db
      .select({ one: sql`1` })
      .from(emailLog)
      .where(and(eq(emailLog.orderId, orders.id), eq(emailLog.kind, "show.cancelled"))),
  );
  const handled = sql`${showCancellationOrders.processedAt} is not null`;
  const [[cancellation], [counts]] = await db.batch([
    db.select().from(showCancellations).where(eq(showCancellations.showId, showId)),
    db
      .select({
        total: sql<number>`count(${showCancellationOrders.orderId})`.mapWith(Number),
        handled: counted(handled),
        failed: counted(sql`${handled} and ${orders.refundStatus} = 'failed'`),
        refunds: counted(sql`${orders.refundStatus} is not null`),
        refundAmount: sql<string>`coalesce(sum(${orders.refundAmount}), 0)::text`,
        refundsSucceeded: counted(sql`${orders.refundStatus} = 'succeeded'`),
        refundsPending: counted(sql`${orders.refundStatus} = 'pending'`),
        refundsFailed: counted(sql`${orders.refundStatus} = 'failed'`),
        refundsAtCounter: counted(sql`${orders.refundStatus} is not null and ${orders.paymentMethod} = 'counter'`),
        emailed: counted(sentShowCancelled),
      })
      .from(showCancellationOrders)
      .innerJoin(orders, eq(orders.id, showCancellationOrders.orderId))
      .where(eq(showCancellationOrders.showId, showId)),
  ]);
  // An aggregate without GROUP BY always answers one row.
  if (!cancellation || !counts) return undefined;
  return { cancellation, counts: { ...counts, refundAmount: formatPaise(toPaise(counts.refundAmount)) } };
}
