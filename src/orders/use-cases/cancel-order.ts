import type { Deps } from "../../deps";
import { log } from "../../http/request-log";
import { cancelOrder as cancelInStore } from "../order-store";
import { cancellationOf, orderViewOf } from "../order-view";
import { markSessionsClosed } from "../payment-store";
import type { OrderView } from "../schemas";
import { settledOrderOf } from "../settled-order";
import { closeAtProvider } from "./close-payment-sessions";
import { refundOrder } from "./refund-order";

export type CancelOrderOutcome =
  /** CANCELLED: by this call, or already (repeats answer the same). */
  | { outcome: "CANCELLED"; order: OrderView }
  | { outcome: "ORDER_NOT_FOUND" }
  | { outcome: "NOT_CANCELLABLE"; reason: string; status: OrderView["status"] };

/**
 * Cancel an order: unpaid ones before their deadline, paid ones where the theatre allows it.
 * Its seats are freed in Postgres (same transaction, which also records a paid booking's refund
 * as owed) and then in Redis. A paid booking is refunded through the provider (a failed call is
 * queued for retry) and its customer emailed; an unpaid one's checkout session is closed (else
 * the cron closes it). However many cancels race, one changes the order, refunds and emails.
 */
export async function cancelOrder(deps: Deps, input: { orderId: string; userId: string }): Promise<CancelOrderOutcome> {
  const { db, seats, clock, config, queue } = deps;
  const { orderId, userId } = input;
  const cutoff = config.CANCELLATION_CUTOFF_MINUTES;
  const result = await cancelInStore(db, orderId, userId, cutoff);
  if (!result) return { outcome: "ORDER_NOT_FOUND" };
  const { row } = result;
  const { order } = row;
  if (result.changed) {
    await seats
      .settleOrderSeats(settledOrderOf(order), "FREE")
      .catch((error: unknown) =>
        log("warn", "cancelled seats not freed in Redis; the cron will repair", { orderId, error: String(error) }),
      );
    if (result.previousStatus === "CONFIRMED") {
      await refundOrder(deps, { orderId, onFailure: "queue", state: order });
      await queue.send({ type: "order.cancelled", orderId });
    } else if (order.paymentSessionId && (await closeAtProvider(deps, orderId, order.paymentSessionId))) {
      await markSessionsClosed(deps.db, [orderId]);
    }
  }
  const now = clock.now();
  if (order.status === "CANCELLED") return { outcome: "CANCELLED", order: orderViewOf(row, now, cutoff) };
  const verdict = cancellationOf(row, now, cutoff);
  const reason = verdict.allowed ? "This order cannot be cancelled now" : verdict.reason;
  return { outcome: "NOT_CANCELLABLE", reason, status: order.status };
}
