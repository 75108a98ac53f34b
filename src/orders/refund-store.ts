import type { Database } from "../db/client";
import { and, eq, isNotNull, isNull, lt, sql } from "../db/drizzle";
import { orders } from "../db/schema";
import type { RefundStatus } from "../domain/statuses";

/**
 * Refunds in Postgres: what the provider was asked and answered, per order (the money owed is
 * recorded with the payment, payment-store.ts). One statement per function, every change guarded.
 */

type Order = typeof orders.$inferSelect;

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
