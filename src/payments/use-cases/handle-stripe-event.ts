import type { Deps } from "../../deps";
import { log } from "../../http/request-log";
import { findOrderById } from "../../orders/order-reads";
import {
  confirmPaidOrder,
  findPaymentEvent,
  type PaymentEventRow,
  recordPaymentEvent,
} from "../../orders/payment-store";
import { findOrderIdOfPaymentIntent, syncRefundStatus } from "../../orders/refund-store";
import { announceConfirmed, confirmPayment, withFreshCode } from "../../orders/use-cases/confirm-payment";
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
  try {
    // Money received: one provider call and one transaction that also answers "seen before?".
    if (SESSION_PAID.has(event.type)) return await handlePaidSession(deps, event, input.receivedAt);
    const seen = await findPaymentEvent(deps.db, event.id);
    if (seen) return seenAnswer(event, seen);
    const handled = event.type.startsWith("checkout.session.")
      ? await handleSessionEvent(deps, event)
      : await handleRefundEvent(deps, event);
    if (handled.outcome !== "HANDLED") return handled;
    await record(deps, event, handled.orderId, input.receivedAt);
    return handled;
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    log("warn", "payment provider unavailable for a webhook", { eventId: event.id, status: error.status });
    return { outcome: "PROVIDER_UNAVAILABLE" };
  }
}

const record = (deps: Deps, event: StripeEvent, orderId: string | null, receivedAt: Date) =>
  recordPaymentEvent(deps.db, { id: event.id, type: event.type, orderId, receivedAt });

/** A redelivery is the same event; the same id naming another type or order is not. */
function seenAnswer(event: StripeEvent, seen: Pick<PaymentEventRow, "type" | "orderId">): StripeEventOutcome {
  const claimed = claimedOrderOf(event);
  const same = seen.type === event.type && (!claimed || !seen.orderId || claimed === seen.orderId);
  return same ? { outcome: "DUPLICATE", eventId: event.id } : reused(event);
}

/**
 * checkout.session.completed / async_payment_succeeded. The session fetched back from the
 * provider must be paid, ours and for exactly the order's amount; then one transaction confirms
 * the order and records the event (or says it was seen). Redis hears of the sold seats after the
 * answer; the ticket email is queued before it. Anything but a pending order of that amount (late
 * money, a cancelled order, a closed show) takes the one confirm use case's slower paths.
 */
async function handlePaidSession(deps: Deps, event: StripeEvent, receivedAt: Date): Promise<StripeEventOutcome> {
  const verified = await verifiedSession(deps, event);
  if ("outcome" in verified) return refusedUnlessSeen(deps, event, verified);
  const { session, orderId } = verified;
  if (!isPaid(session)) return refusedUnlessSeen(deps, event, { outcome: "NOT_PAID" });
  const amountPaise = session.amount_total;
  if (session.currency !== "inr" || amountPaise === null)
    return refusedUnlessSeen(deps, event, { outcome: "AMOUNT_MISMATCH" });
  const payment = { sessionId: session.id, paymentIntent: session.payment_intent as string };
  const result = await withFreshCode((ticketCode) =>
    confirmPaidOrder(deps.db, {
      event: { id: event.id, type: event.type, receivedAt },
      orderId,
      amountPaise,
      ticketCode,
      payment,
    }),
  );
  if (result.seen) return seenAnswer(event, result.seen);
  if (!result.row) return { outcome: "ORDER_NOT_FOUND" };
  const handled = { outcome: "HANDLED", eventId: event.id, type: event.type, orderId } as const;
  if (result.confirmed) {
    await announceConfirmed(deps, result.row, false);
    return handled;
  }
  if (amountPaise !== toPaise(result.row.order.amount)) return { outcome: "AMOUNT_MISMATCH" };
  const { order } = result.row;
  // Confirmed by this very payment a moment ago (a concurrent delivery, or another event of the
  // same session): nothing left to do.
  if (order.status === "CONFIRMED" && order.paymentIntentId === payment.paymentIntent) return handled;
  const slower = await confirmPayment(deps, { orderId, payment });
  if (slower.outcome === "ORDER_NOT_FOUND") return slower;
  await record(deps, event, orderId, receivedAt);
  return handled;
}

/** A refusal, unless the event id was already handled (then that answer: duplicate or reused). */
async function refusedUnlessSeen(deps: Deps, event: StripeEvent, refusal: StripeEventOutcome) {
  const seen = await findPaymentEvent(deps.db, event.id);
  return seen ? seenAnswer(event, seen) : refusal;
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

/** The session an event names, fetched back from the provider, and the order both name; else the refusal. */
async function verifiedSession(
  deps: Deps,
  event: StripeEvent,
): Promise<{ session: CheckoutSession; orderId: string } | Extract<StripeEventOutcome, { outcome: "EVENT_MISMATCH" }>> {
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
  return { session, orderId };
}

/** checkout.session.expired: recorded (the cron already expired the order and closes sessions). */
async function handleSessionEvent(deps: Deps, event: StripeEvent): Promise<StripeEventOutcome> {
  const verified = await verifiedSession(deps, event);
  if ("outcome" in verified) return verified;
  const { orderId } = verified;
  if (!(await findOrderById(deps.db, orderId))) return { outcome: "ORDER_NOT_FOUND" };
  return { outcome: "HANDLED", eventId: event.id, type: event.type, orderId };
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
