import type { Deps } from "../../deps";
import type { RefundStatus } from "../../domain/statuses";
import { log } from "../../http/request-log";
import type { Refund } from "../../payments/stripe-client";
import { toPaise } from "../../shared/money";
import { findRefundState, type RefundState, recordRefundCallFailed, recordRefundCreated } from "../refund-store";

/** Provider refunds tried per order before a failed one is left for an operator (visible on the order). */
export const MAX_REFUND_ATTEMPTS = 3;

export type RefundOrderOutcome =
  /** The provider accepted a refund (it may still be pending there). */
  | { outcome: "REFUND_CREATED"; refundId: string; status: RefundStatus }
  /** A refund is already under way or done: nothing to do. */
  | { outcome: "ALREADY_REFUNDING" }
  | { outcome: "NOTHING_TO_REFUND" }
  /** Every attempt failed at the provider; the order shows the failure. */
  | { outcome: "GAVE_UP" }
  /** The provider call failed; a `refund.requested` message will try again. */
  | { outcome: "RETRY_QUEUED" };

export interface RefundOrderInput {
  orderId: string;
  /** What to do when the provider call fails: queue a retry (a request), or throw (the queue consumer retries). */
  onFailure: "queue" | "throw";
  /** The order's refund columns, when the caller just read them. */
  state?: RefundState;
}

/**
 * Pays back what an order owes (its `refund_*` columns, written before any provider call, so a
 * refund is never lost). Idempotent: the provider's Idempotency-Key is the order and the attempt
 * number, so a retried call returns the same refund; a refund that ended `failed` is tried again
 * with the next number, up to MAX_REFUND_ATTEMPTS. Cancellations, late payments and the
 * `refund.requested` queue consumer all come here.
 */
export async function refundOrder(deps: Deps, input: RefundOrderInput): Promise<RefundOrderOutcome> {
  const { orderId } = input;
  const state = input.state ?? (await findRefundState(deps.db, orderId));
  if (!state?.refundStatus || !state.paymentIntentId || !state.refundAmount) return { outcome: "NOTHING_TO_REFUND" };
  if (state.refundId && state.refundStatus !== "failed") return { outcome: "ALREADY_REFUNDING" };
  if (state.refundStatus === "failed" && state.refundAttempts >= MAX_REFUND_ATTEMPTS) return { outcome: "GAVE_UP" };
  const attempt = state.refundAttempts + 1;
  let refund: Refund;
  try {
    refund = await deps.payments.createRefund(
      {
        paymentIntent: state.paymentIntentId,
        amount: toPaise(state.refundAmount),
        reason: "requested_by_customer",
        metadata: { order_id: orderId },
      },
      { idempotencyKey: `refund:${orderId}:${attempt}` },
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log("warn", "refund call failed; will retry", { orderId, attempt, error: why });
    await recordRefundCallFailed(deps.db, orderId, why.slice(0, 500));
    if (input.onFailure === "throw") throw error;
    await deps.queue.send({ type: "refund.requested", orderId });
    return { outcome: "RETRY_QUEUED" };
  }
  const status = refundStatusOf(refund);
  await recordRefundCreated(deps.db, orderId, attempt, { id: refund.id, status, failure: refund.failure_reason });
  log("info", "refund created", { orderId, attempt, refundId: refund.id, status });
  return { outcome: "REFUND_CREATED", refundId: refund.id, status };
}

/** The provider's refund states as the order shows them. */
export function refundStatusOf(refund: Pick<Refund, "status">): RefundStatus {
  switch (refund.status) {
    case "succeeded":
      return "succeeded";
    case "failed":
    case "canceled":
      return "failed";
    case "pending":
    case "requires_action":
      return "pending";
  }
}
