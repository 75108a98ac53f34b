import type { Deps } from "../../deps";
import { log } from "../../http/request-log";
import { findOrderById } from "../../orders/order-store";
import {
  findOrderIdOfPaymentIntent,
  findPaymentEvent,
  recordPaymentEvent,
  syncRefundStatus,
} from "../../orders/payment-store";
import { confirmPayment } from "../../orders/use-cases/confirm-payment";
import { refundStatusOf } from "../../orders/use-cases/refund-order";
import { toPaise } from "../../shared/money";
import {
  type CheckoutSession,
  type Refund,
  type SignatureFailure,
  StripeApiError,
  type StripeEvent,
  verifyStripeSignature,
} from "../stripe-client";

export type StripeEventOutcome =
  /** Handled and recorded (2xx): Stripe stops delivering it. */
  | { outcome: "HANDLED"; eventId: string; type: string; orderId: string | null }
  | { outcome: "DUPLICATE"; eventId: string }
  /** A type this worker does not act on (2xx, nothing written). */
  | { outcome: "IGNORED"; type: string }
  | { outcome: "SIGNATURE_INVALID"; reason: SignatureFailure }
  /** The body disagrees with what the provider says about its object, or names none of ours. */
  | { outcome: "EVENT_MISMATCH"; reason: string }
  | { outcome: "EVENT_ID_REUSED"; eventId: string }
  | { outcome: "ORDER_NOT_FOUND" }
  | { outcome: "NOT_PAID" }
  | { outcome: "AMOUNT_MISMATCH" }
  /** The provider could not be asked (5xx: Stripe delivers the event again). */
  | { outcome: "PROVIDER_UNAVAILABLE" };

const SESSION_PAID = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
const HANDLED_TYPES = new Set([
  ...SESSION_PAID,
  "checkout.session.expired",
  "refund.updated",
  "refund.failed",
  "charge.refunded",
]);
/** Stripe's libraries' default: a signed request older (or newer) than this is refused. */
const TOLERANCE_SECONDS = 300;

/**
 * A Stripe webhook (docs/API.md flow 3). The signature is checked over the raw bytes; the body is
 * then trusted for nothing but the ids it names: the session or refund is fetched back from the
 * provider, and only a paid session of one of our orders, for exactly its amount, reaches the one
 * confirm use case. The event is recorded only once its handling committed, so a failure (database
 * or provider down) answers 5xx, Stripe delivers it again, and the idempotent use cases make the
 * second handling clean. A refused event writes nothing.
 */
export async function handleStripeEvent(
  deps: Deps,
  input: { rawBody: Uint8Array; signature: string | null; receivedAt: Date },
): Promise<StripeEventOutcome> {
  const verified = await verifyStripeSignature(input.rawBody, input.signature, deps.config.STRIPE_WEBHOOK_SECRET, {
    toleranceSeconds: TOLERANCE_SECONDS,
    now: deps.clock.now().getTime(),
  });
  if (!verified.ok) return { outcome: "SIGNATURE_INVALID", reason: verified.reason };
  const { event } = verified;
  if (!HANDLED_TYPES.has(event.type)) return { outcome: "IGNORED", type: event.type };
  const seen = await findPaymentEvent(deps.db, event.id);
  if (seen) {
    // A redelivery is the same event; the same id naming another type or order is not.
    const claimed = claimedOrderOf(event);
    const same = seen.type === event.type && (!claimed || !seen.orderId || claimed === seen.orderId);
    return same ? { outcome: "DUPLICATE", eventId: event.id } : reused(event);
  }
  try {
    const handled = event.type.startsWith("checkout.session.")
      ? await handleSessionEvent(deps, event)
      : await handleRefundEvent(deps, event);
    if (handled.outcome !== "HANDLED") return handled;
    await recordPaymentEvent(deps.db, {
      id: event.id,
      type: event.type,
      orderId: handled.orderId,
      receivedAt: input.receivedAt,
    });
    return handled;
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    log("warn", "payment provider unavailable for a webhook", { eventId: event.id, status: error.status });
    return { outcome: "PROVIDER_UNAVAILABLE" };
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
const reused = (event: StripeEvent): StripeEventOutcome => ({ outcome: "EVENT_ID_REUSED", eventId: event.id });
/** The order an event's body names, if it names one (never trusted, only compared). */
function claimedOrderOf(event: StripeEvent): string | null {
  const object = event.data.object;
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  const named = stringField(object, "client_reference_id") ?? metadata.order_id;
  return typeof named === "string" ? named : null;
}

const stringField = (object: Record<string, unknown>, key: string) =>
  typeof object[key] === "string" ? (object[key] as string) : null;

async function handleSessionEvent(deps: Deps, event: StripeEvent): Promise<StripeEventOutcome> {
  const claimed = event.data.object;
  const sessionId = stringField(claimed, "id");
  if (!sessionId?.startsWith("cs_")) return { outcome: "EVENT_MISMATCH", reason: "no checkout session in the event" };
  const session = await fetchOrMissing(() => deps.payments.retrieveCheckoutSession(sessionId));
  if (!session) return { outcome: "EVENT_MISMATCH", reason: "the provider has no such session" };
  const orderId = session.client_reference_id;
  const claimedMetadata = (claimed.metadata ?? {}) as Record<string, unknown>;
  if (
    !orderId ||
    !isUuid(orderId) ||
    session.metadata.order_id !== orderId ||
    stringField(claimed, "client_reference_id") !== orderId ||
    (claimedMetadata.order_id !== undefined && claimedMetadata.order_id !== orderId)
  )
    return { outcome: "EVENT_MISMATCH", reason: "the event and the session name different orders" };
  const row = await findOrderById(deps.db, orderId);
  if (!row) return { outcome: "ORDER_NOT_FOUND" };
  const handled = { outcome: "HANDLED", eventId: event.id, type: event.type, orderId } as const;
  if (!SESSION_PAID.has(event.type)) return handled; // expired: recorded; the cron already expired the order
  if (!isPaid(session)) return { outcome: "NOT_PAID" };
  if (session.currency !== "inr" || session.amount_total !== toPaise(row.order.amount))
    return { outcome: "AMOUNT_MISMATCH" };
  const result = await confirmPayment(deps, {
    orderId,
    payment: { sessionId: session.id, paymentIntent: session.payment_intent as string },
  });
  if (result.outcome === "ORDER_NOT_FOUND") return result;
  return handled;
}

const isPaid = (session: CheckoutSession) =>
  session.status === "complete" && session.payment_status === "paid" && typeof session.payment_intent === "string";

/** Refund news: the order's current refund, as the provider now reports it, is applied to the order. */
async function handleRefundEvent(deps: Deps, event: StripeEvent): Promise<StripeEventOutcome> {
  const claimed = event.data.object;
  let refundId: string | null;
  let orderId: string | null = null;
  if (event.type === "charge.refunded") {
    const paymentIntent = stringField(claimed, "payment_intent");
    const order = paymentIntent ? await findOrderIdOfPaymentIntent(deps.db, paymentIntent) : undefined;
    orderId = order?.orderId ?? null;
    refundId = order?.refundId ?? null;
  } else {
    refundId = stringField(claimed, "id");
    if (!refundId?.startsWith("re_")) return { outcome: "EVENT_MISMATCH", reason: "no refund in the event" };
  }
  if (refundId) {
    const id = refundId;
    const refund = await fetchOrMissing<Refund>(() => deps.payments.retrieveRefund(id));
    if (!refund) return { outcome: "EVENT_MISMATCH", reason: "the provider has no such refund" };
    const status = refundStatusOf(refund);
    const changed = await syncRefundStatus(deps.db, refund.id, status, refund.failure_reason);
    orderId =
      changed?.orderId ?? orderId ?? (isUuid(refund.metadata.order_id ?? "") ? refund.metadata.order_id : null) ?? null;
    if (changed && status === "failed") await deps.queue.send({ type: "refund.requested", orderId: changed.orderId });
  }
  return { outcome: "HANDLED", eventId: event.id, type: event.type, orderId };
}

/** The provider's object, or undefined when it has none of that id (any other failure throws). */
async function fetchOrMissing<T>(fetchIt: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetchIt();
  } catch (error) {
    if (error instanceof StripeApiError && error.status === 404) return undefined;
    throw error;
  }
}
