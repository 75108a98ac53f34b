import type { Deps } from "../../deps";
import { log } from "../../http/request-log";
import { markSessionsClosed } from "../../orders/payment-store";
import { settledOrderOf } from "../../orders/settled-order";
import { closeAtProvider } from "../../orders/use-cases/close-payment-sessions";
import { refundOrder } from "../../orders/use-cases/refund-order";
import {
  type CancellationOutcome,
  cancelOrderOfCancelledShow,
  completeCancellation,
  markOrderHandled,
  nextOrdersToCancel,
} from "../cancellation-store";

/** Orders one job step handles (each costs a few subrequests: database, Redis, provider, queue). */
export const CANCELLATION_BATCH = 10;

export type ShowCancellationStep =
  | { outcome: "MORE_TO_DO"; handled: number }
  | { outcome: "COMPLETED"; handled: number };

/**
 * One step of a cancelled show's job (docs/API.md: Back office, cancelling a show): the next few
 * orders not yet handled, each cancelled, refunded and emailed, then marked handled. Every part is
 * idempotent — the cancel is a guarded transition, the refund's provider idempotency key is the
 * order and attempt, the email log refuses a second send — so a step that dies midway is simply
 * run again and finishes exactly the orders it had not, never refunding one twice.
 */
export async function runShowCancellation(
  deps: Deps,
  input: { showId: string; batch?: number },
): Promise<ShowCancellationStep> {
  const batch = input.batch ?? CANCELLATION_BATCH;
  const orderIds = await nextOrdersToCancel(deps.db, input.showId, batch);
  for (const orderId of orderIds) await cancelForShow(deps, orderId);
  if (orderIds.length === batch) return { outcome: "MORE_TO_DO", handled: orderIds.length };
  // Fewer than a batch were left: done, unless an order committed just now (then one more step).
  const completed = await completeCancellation(deps.db, input.showId);
  return { outcome: completed ? "COMPLETED" : "MORE_TO_DO", handled: orderIds.length };
}

async function cancelForShow(deps: Deps, orderId: string): Promise<void> {
  const { order, changedFrom } = await cancelOrderOfCancelledShow(deps.db, orderId);
  if (changedFrom) {
    await deps.seats
      .settleOrderSeats(settledOrderOf(order), "FREE")
      .catch((error: unknown) =>
        log("warn", "cancelled show's seats not freed in Redis", { orderId, error: String(error) }),
      );
  }
  // An unpaid order's open checkout must stop taking money (late money is refunded anyway).
  if (order.paymentSessionId && !order.paymentSessionClosedAt && !order.paidAt) {
    if (await closeAtProvider(deps, orderId, order.paymentSessionId)) await markSessionsClosed(deps.db, [orderId]);
  }
  let outcome: CancellationOutcome = order.status === "CANCELLED" && changedFrom ? "CANCELLED" : "NOTHING";
  if (order.refundStatus && order.paymentMethod === "counter") outcome = "REFUND_AT_COUNTER";
  else if (order.refundStatus && order.paymentIntentId) {
    // Accepted, retried through the queue, or already under way: the refund is in hand either way.
    await refundOrder(deps, { orderId, onFailure: "queue", state: order });
    outcome = "REFUNDING";
  }
  if (order.status === "CANCELLED" && order.customerEmail) await deps.queue.send({ type: "show.cancelled", orderId });
  await markOrderHandled(deps.db, orderId, outcome);
}
