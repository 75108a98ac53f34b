// Paying through the payment sandbox (a local Stripe, started by global-setup) from inside workerd.
// The sandbox cannot push webhooks to the worker under test, so a test takes each event freshly
// signed from `/__sandbox/events/:id/signed` and posts it to the worker's webhook itself.
import { inject } from "vitest";
import { createStripeClient } from "../../src/payments/stripe-client";
import { asUser, type Order } from "./fixtures";
import { call, callSettled } from "./http";

export const sandboxUrl = inject("paymentSandboxUrl");
export const webhookSecret = inject("paymentSandboxWebhookSecret");

export async function sandbox<T = unknown>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${sandboxUrl}/__sandbox${path}`, {
    method: init.method ?? (init.json === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json" },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface SandboxEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> & { id: string } };
}

/** POST /payment, answering once the session it created is stored (after the answer, in `waitUntil`). */
export const startPayment = (userId: string, orderId: string) =>
  callSettled(`/api/v1/orders/${orderId}/payment`, { method: "POST", headers: asUser(userId) });

/** The order's checkout session id, from the URL POST /payment answers (`…/c/pay/cs_…`). */
export async function checkoutSessionOf(userId: string, orderId: string): Promise<string> {
  const res = await startPayment(userId, orderId);
  if (res.status !== 200) throw new Error(`start payment: ${res.status} ${await res.text()}`);
  const { url } = (await res.json()) as { url: string };
  return new URL(url).pathname.split("/").pop() as string;
}

/** The sandbox's events about one object (a session, refund, or a charge's payment intent), oldest first. */
export async function eventsAbout(objectId: string, type?: string): Promise<SandboxEvent[]> {
  const { data } = await sandbox<{ data: SandboxEvent[] }>("/events");
  return data.filter(
    (e) => (e.data.object.id === objectId || e.data.object.payment_intent === objectId) && (!type || e.type === type),
  );
}

export async function eventOf(objectId: string, type: string): Promise<SandboxEvent> {
  const [event] = await eventsAbout(objectId, type);
  if (!event) throw new Error(`no ${type} event for ${objectId}`);
  return event;
}

export const signedEvent = (eventId: string) =>
  sandbox<{ payload: string; signature: string }>(`/events/${eventId}/signed`);

/** The webhook, answering once its work after the answer (Redis learning of sold seats) is done. */
export const postWebhook = (body: string | Uint8Array, signature?: string) =>
  callSettled("/api/v1/payments/stripe/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body,
  });

/** Delivers one sandbox event to the worker as Stripe would: the exact bytes, freshly signed. */
export async function deliver(eventId: string): Promise<Response> {
  const { payload, signature } = await signedEvent(eventId);
  return postWebhook(payload, signature);
}

/** "Pay" on the sandbox's checkout page: the session completes and its event exists (not yet delivered). */
export async function paySession(sessionId: string): Promise<SandboxEvent> {
  await sandbox(`/sessions/${sessionId}/pay`, { method: "POST" });
  return eventOf(sessionId, "checkout.session.completed");
}

/** Start payment → "Pay" in the sandbox → the signed completed event → the worker's webhook. */
export async function payOrder(userId: string, orderId: string) {
  const sessionId = await checkoutSessionOf(userId, orderId);
  const event = await paySession(sessionId);
  const webhook = await deliver(event.id);
  return { webhook, sessionId, event };
}

export async function orderOf(userId: string, orderId: string): Promise<Order> {
  const res = await call(`/api/v1/orders/${orderId}`, { headers: asUser(userId) });
  if (res.status !== 200) throw new Error(`order ${orderId}: ${res.status}`);
  return (await res.json()) as Order;
}

/** Pays and answers the order as it then is (the old confirm-payment's answer). */
export async function payAndRead(userId: string, orderId: string): Promise<Order> {
  const { webhook } = await payOrder(userId, orderId);
  if (webhook.status !== 200) throw new Error(`webhook: ${webhook.status} ${await webhook.text()}`);
  return orderOf(userId, orderId);
}

export interface SandboxRefund {
  id: string;
  amount: number;
  status: string;
  payment_intent: string;
  metadata: Record<string, string>;
}

export async function refundsOfOrder(orderId: string): Promise<SandboxRefund[]> {
  const { data } = await sandbox<{ data: SandboxRefund[] }>("/refunds");
  return data.filter((r) => r.metadata.order_id === orderId);
}

export async function sessionOf(sessionId: string) {
  const { data } = await sandbox<{ data: { id: string; status: string; payment_intent: string | null }[] }>(
    "/sessions",
  );
  return data.find((s) => s.id === sessionId);
}

/**
 * A Checkout Session for an order made outside the worker (a provider-side oddity, or an attack
 * with our key), paid: its event exists, not yet delivered.
 */
export async function paidSessionOutsideWorker(orderId: string, amountPaise: number, currency = "inr") {
  const stripe = createStripeClient({ apiBase: sandboxUrl, secretKey: inject("paymentSandboxApiKey") });
  const session = await stripe.createCheckoutSession(
    {
      lines: [{ name: "Seats", unitAmount: amountPaise, quantity: 1 }],
      // The worker's client is typed for rupees only; the provider takes any currency.
      currency: currency as "inr",
      clientReferenceId: orderId,
      metadata: { order_id: orderId },
      successUrl: "http://localhost/ok",
      cancelUrl: "http://localhost/no",
    },
    { idempotencyKey: `outside-${currency}-${amountPaise}-${orderId}` },
  );
  const event = await paySession(session.id);
  return { event, paymentIntent: (await sessionOf(session.id))?.payment_intent as string };
}
