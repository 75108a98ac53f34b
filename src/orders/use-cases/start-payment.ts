import type { Deps } from "../../deps";
import { DEFAULT_LAYOUT } from "../../domain/seat-layout";
import { log } from "../../http/request-log";
import { type CheckoutLine, StripeApiError } from "../../payments/stripe-client";
import { toPaise } from "../../shared/money";
import { findOrder, type OrderRow } from "../order-reads";
import { storePaymentSession } from "../payment-store";
import { receiptOf } from "../receipt";

export type StartPaymentOutcome =
  /** Where to send the customer: the order's one Checkout Session (new, or the one it already has). */
  | { outcome: "STARTED"; url: string }
  | { outcome: "ORDER_NOT_FOUND" }
  | { outcome: "ORDER_EXPIRED" }
  | { outcome: "ORDER_CANCELLED" }
  | { outcome: "ORDER_ALREADY_PAID" }
  | { outcome: "SHOW_CLOSED" }
  | { outcome: "PROVIDER_UNAVAILABLE" };

/**
 * The pay step (docs/API.md flow 3): for the caller's PAYMENT_PENDING order before its deadline,
 * one Checkout Session, created idempotently (the Idempotency-Key is the order's, so concurrent or
 * retried requests get the same session) and stored with a guarded UPDATE after the answer: one
 * database read and one provider call, then one read on every repeat. The amount is the
 * order's, from Postgres, itemised by seat category plus the convenience fee; never the client's.
 * The session is left to Stripe's default lifetime (its `expires_at` must be ≥ 30 minutes): the
 * expiry cron closes it when the order expires.
 */
export async function startPayment(
  deps: Deps,
  input: { orderId: string; userId: string },
): Promise<StartPaymentOutcome> {
  const { db, clock, config, payments } = deps;
  const row = await findOrder(db, input.orderId, input.userId);
  if (!row) return { outcome: "ORDER_NOT_FOUND" };
  const { order } = row;
  const now = clock.now();
  switch (order.status) {
    case "CONFIRMED":
      return { outcome: "ORDER_ALREADY_PAID" };
    case "CANCELLED":
      return { outcome: "ORDER_CANCELLED" };
    case "EXPIRED":
      return { outcome: "ORDER_EXPIRED" };
    case "PAYMENT_PENDING":
      break;
  }
  if (new Date(order.expiresAt).getTime() <= now.getTime()) return { outcome: "ORDER_EXPIRED" };
  if (row.show.status === "CANCELLED" || new Date(row.show.startTime).getTime() <= now.getTime())
    return { outcome: "SHOW_CLOSED" };
  if (order.paymentSessionId && order.paymentSessionUrl) return { outcome: "STARTED", url: order.paymentSessionUrl };

  const app = config.APP_ORIGIN.replace(/\/+$/, "");
  let session: { id: string; url: string | null };
  try {
    session = await payments.createCheckoutSession(
      {
        lines: checkoutLines(row),
        currency: "inr",
        clientReferenceId: order.id,
        metadata: { order_id: order.id },
        successUrl: `${app}/orders/${order.id}/paid?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${app}/orders/${order.id}/pay`,
        customerEmail: order.customerEmail ?? undefined,
      },
      { idempotencyKey: `checkout:${order.id}` },
    );
  } catch (error) {
    if (!(error instanceof StripeApiError) || !error.retryable) throw error;
    log("warn", "checkout session not created", { orderId: order.id, status: error.status, type: error.type });
    return { outcome: "PROVIDER_UNAVAILABLE" };
  }
  const { url } = session;
  if (!url) throw new Error(`checkout session ${session.id} has no url`);
  // Stored after the answer: a request that finds none asks Stripe again with the same
  // idempotency key and gets this very session (the guarded UPDATE keeps the first one stored).
  deps.afterResponse("storing the checkout session", () => storePaymentSession(db, order.id, { id: session.id, url }));
  return { outcome: "STARTED", url };
}

/** One line per seat category (and price), and the convenience fee: they add up to the order's amount. */
export function checkoutLines(row: OrderRow): CheckoutLine[] {
  const { order } = row;
  const receipt = receiptOf(row.layout ?? DEFAULT_LAYOUT, row.show, order.seatIds, order.convenienceFee, order.amount);
  const lines: CheckoutLine[] = receipt.lines.map((line) => ({
    name: `${line.name} · ${line.seatIds.join(", ")}`,
    unitAmount: toPaise(line.unitPrice),
    quantity: line.quantity,
  }));
  const fee = toPaise(receipt.convenienceFee);
  if (fee > 0) lines.push({ name: "Convenience fee", unitAmount: fee, quantity: 1 });
  const total = lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0);
  if (total !== toPaise(order.amount)) throw new Error(`checkout lines of order ${order.id} do not add up`);
  return lines;
}
