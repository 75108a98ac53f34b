// Conformance of the payment sandbox (dev/payment-sandbox/), driven by the worker's own Stripe
// client (src/payments/stripe-client.ts): the Checkout flow, expiry, refunds, idempotency, auth.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PaymentSandbox } from "../../dev/payment-sandbox/index.ts";
import {
  createStripeClient,
  STRIPE_API_VERSION,
  StripeApiError,
  type StripeClient,
  verifyStripeSignature,
} from "../../src/payments/stripe-client.ts";
import {
  API_KEY,
  controlCall,
  eventually,
  type Receiver,
  sessionRequest,
  startReceiver,
  startTestSandbox,
  WEBHOOK_SECRET,
} from "./payment-sandbox-fixtures.ts";

let sandbox: PaymentSandbox;
let receiver: Receiver;
let stripe: StripeClient;
const sent: { url: string; init: RequestInit }[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox(receiver.url);
  stripe = createStripeClient({
    apiBase: sandbox.url,
    secretKey: API_KEY,
    fetch: (input, init) => {
      sent.push({ url: String(input), init: init ?? {} });
      return fetch(input, init);
    },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(() => {
  sent.length = 0;
});

const key = () => `test-${crypto.randomUUID()}`;
const stripeError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a StripeApiError");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(StripeApiError);
      return e as StripeApiError;
    },
  );

describe("payment sandbox: Checkout Sessions", () => {
  it("creates, shows and completes a session; the completed event is delivered signed", async () => {
    const request = sessionRequest();
    const created = await stripe.createCheckoutSession(request, { idempotencyKey: key() });
    const headers = new Headers(sent[0]?.init.headers);
    expect(sent[0]?.url).toBe(`${sandbox.url}/v1/checkout/sessions`);
    expect(headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(headers.get("stripe-version")).toBe(STRIPE_API_VERSION);
    expect(headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(headers.get("idempotency-key")).toMatch(/^test-/);
    expect(String(sent[0]?.init.body)).toContain("line_items[0][price_data][unit_amount]=25000");

    expect(created).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      amount_total: 53_540,
      currency: "inr",
      client_reference_id: request.clientReferenceId,
      metadata: { order_id: request.clientReferenceId },
      url: `${sandbox.url}/c/pay/${created.id}`,
    });
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.expires_at - created.created).toBe(24 * 3600);
    expect(await stripe.retrieveCheckoutSession(created.id)).toEqual(created);

    await controlCall(sandbox, `/sessions/${created.id}/pay`, {});
    const delivery = await eventually(() =>
      receiver.ofType("checkout.session.completed").find((d) => d.event.data.object.id === created.id),
    );
    expect(delivery.headers["content-type"]).toBe("application/json; charset=utf-8");
    const verified = await verifyStripeSignature(
      delivery.body,
      delivery.headers["stripe-signature"] as string,
      WEBHOOK_SECRET,
    );
    expect(verified).toMatchObject({ ok: true, event: { type: "checkout.session.completed" } });
    expect(
      await verifyStripeSignature(delivery.body, delivery.headers["stripe-signature"] as string, "whsec_wrong"),
    ).toEqual({ ok: false, reason: "BAD_SIGNATURE" });

    const paid = await stripe.retrieveCheckoutSession(created.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.payment_intent).toMatch(/^pi_/);
    expect(delivery.event.data.object).toMatchObject({ payment_status: "paid", payment_intent: paid.payment_intent });
    const event = await stripe.retrieveEvent(delivery.event.id);
    expect(event).toMatchObject({
      id: delivery.event.id,
      type: "checkout.session.completed",
      api_version: STRIPE_API_VERSION,
    });
    expect(JSON.parse(delivery.body)).toEqual(event);
  });

  it("hosted page: shows the lines and both buttons; Decline keeps it open, Pay redirects with the id", async () => {
    const request = sessionRequest();
    const session = await stripe.createCheckoutSession(request, { idempotencyKey: key() });
    const page = await (await fetch(session.url as string)).text();
    expect(page).toContain("₹535.40");
    expect(page).toContain("Gold · Row F");
    expect(page).toContain(">Pay</button>");
    expect(page).toContain(">Decline</button>");

    const declined = await fetch(`${session.url}/decline`, { method: "POST" });
    expect(await declined.text()).toContain("Your card was declined");
    expect(declined.ok).toBe(true);
    expect(await stripe.retrieveCheckoutSession(session.id)).toMatchObject({
      status: "open",
      payment_status: "unpaid",
    });
    expect(receiver.deliveries.some((d) => d.event.data.object.id === session.id)).toBe(false);

    const paid = await fetch(`${session.url}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(
      `http://localhost:8787/orders/${request.clientReferenceId}?session_id=${session.id}`,
    );
    const after = await fetch(session.url as string);
    const text = await after.text();
    expect(text).toContain("This payment is complete");
    expect(text).not.toContain(">Pay</button>");
    expect((await fetch(`${session.url}/pay`, { method: "POST", redirect: "manual" })).status).toBe(409);
    expect(sandbox.ledger.paymentIntents.size).toBeGreaterThan(0);
  });

  it("expires an open session once; a completed or expired one cannot be expired or paid", async () => {
    const open = await stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    const expired = await stripe.expireCheckoutSession(open.id);
    expect(expired).toMatchObject({ status: "expired", payment_status: "unpaid", url: null });
    await eventually(() => receiver.ofType("checkout.session.expired").find((d) => d.event.data.object.id === open.id));
    const again = await stripeError(stripe.expireCheckoutSession(open.id));
    expect(again).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect(await (await fetch(`${sandbox.url}/c/pay/${open.id}`)).text()).toContain("has expired");
    expect((await fetch(`${sandbox.url}/c/pay/${open.id}/pay`, { method: "POST", redirect: "manual" })).status).toBe(
      409,
    );

    const done = await stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(sandbox, `/sessions/${done.id}/pay`, {});
    expect(await stripeError(stripe.expireCheckoutSession(done.id))).toMatchObject({
      status: 400,
      type: "invalid_request_error",
    });
    expect((await stripe.retrieveCheckoutSession(done.id)).status).toBe("complete");
  });

  it("enforces Stripe's expires_at window and expires a session on its own when it passes", async () => {
    const soon = Math.floor(Date.now() / 1000) + 600;
    const tooSoon = await stripeError(
      stripe.createCheckoutSession(sessionRequest({ expiresAt: soon }), { idempotencyKey: key() }),
    );
    expect(tooSoon).toMatchObject({ status: 400, type: "invalid_request_error", param: "expires_at" });

    await controlCall(sandbox, "/switches", { minSessionSeconds: 0 });
    try {
      const expiresAt = Math.floor(Date.now() / 1000) + 1;
      const s = await stripe.createCheckoutSession(sessionRequest({ expiresAt }), { idempotencyKey: key() });
      await eventually(
        () => receiver.ofType("checkout.session.expired").find((d) => d.event.data.object.id === s.id),
        4_000,
      );
      expect(await stripe.retrieveCheckoutSession(s.id)).toMatchObject({ status: "expired", url: null });
    } finally {
      await controlCall(sandbox, "/switches", { minSessionSeconds: 1_800 });
    }
  });
});

describe("payment sandbox: refunds", () => {
  async function paidSession() {
    const s = await stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(sandbox, `/sessions/${s.id}/pay`, {});
    return stripe.retrieveCheckoutSession(s.id);
  }

  it("a refund is pending, then succeeded, with refund.created, charge.refunded and refund.updated", async () => {
    const session = await paidSession();
    const pi = session.payment_intent as string;
    const refund = await stripe.createRefund(
      { paymentIntent: pi, amount: 25_000, metadata: { order_id: "o1" } },
      { idempotencyKey: key() },
    );
    expect(refund).toMatchObject({
      object: "refund",
      status: "pending",
      amount: 25_000,
      currency: "inr",
      payment_intent: pi,
    });
    expect(refund.id).toMatch(/^re_/);
    const ofRefund = (type: string) => receiver.ofType(type).filter((d) => d.event.data.object.id === refund.id);
    await eventually(() => ofRefund("refund.updated").length > 0);
    expect(ofRefund("refund.created")).toHaveLength(1);
    expect(ofRefund("refund.updated")[0]?.event.data.object).toMatchObject({ status: "succeeded" });
    const charge = receiver.ofType("charge.refunded").find((d) => d.event.data.object.payment_intent === pi);
    expect(charge?.event.data.object).toMatchObject({ object: "charge", amount_refunded: 25_000, refunded: false });
    expect(await stripe.retrieveRefund(refund.id)).toMatchObject({ status: "succeeded" });

    const tooMuch = await stripeError(
      stripe.createRefund({ paymentIntent: pi, amount: 30_000 }, { idempotencyKey: key() }),
    );
    expect(tooMuch).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      code: "amount_too_large",
      param: "amount",
    });
    const rest = await stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(rest.amount).toBe(28_540);
    const none = await stripeError(stripe.createRefund({ paymentIntent: pi, amount: 1 }, { idempotencyKey: key() }));
    expect(none).toMatchObject({ status: 400, code: "charge_already_refunded" });
  });

  it("a refund made to fail goes pending → failed with refund.failed, and the amount can be refunded again", async () => {
    const session = await paidSession();
    const pi = session.payment_intent as string;
    await controlCall(sandbox, "/switches", { failNextRefunds: 1 });
    const refund = await stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(refund.status).toBe("pending");
    const failed = await eventually(() =>
      receiver.ofType("refund.failed").find((d) => d.event.data.object.id === refund.id),
    );
    expect(failed.event.data.object).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect(await stripe.retrieveRefund(refund.id)).toMatchObject({ status: "failed" });
    const retry = await stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(retry.amount).toBe(53_540);
    await sandbox.settled();
    expect(await stripe.retrieveRefund(retry.id)).toMatchObject({ status: "succeeded" });
  });

  it("refuses a refund for an unknown payment intent", async () => {
    const e = await stripeError(stripe.createRefund({ paymentIntent: "pi_nope" }, { idempotencyKey: key() }));
    expect(e).toMatchObject({ status: 400, code: "resource_missing", param: "payment_intent" });
  });
});

describe("payment sandbox: idempotency", () => {
  it("same key and same parameters → the same answer, replayed, and one object", async () => {
    const request = sessionRequest();
    const k = key();
    const first = await stripe.createCheckoutSession(request, { idempotencyKey: k });
    const second = await stripe.createCheckoutSession(request, { idempotencyKey: k });
    expect(second).toEqual(first);
    const raw = await fetch(`${sandbox.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        "Idempotency-Key": k,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: String(sent[0]?.init.body),
    });
    expect(raw.headers.get("idempotent-replayed")).toBe("true");
    expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    expect(
      [...sandbox.ledger.sessions.values()].filter((s) => s.client_reference_id === request.clientReferenceId),
    ).toHaveLength(1);
  });

  it("same key with other parameters, or on another endpoint → 400 idempotency_error, nothing created", async () => {
    const k = key();
    const request = sessionRequest();
    await stripe.createCheckoutSession(request, { idempotencyKey: k });
    const before = sandbox.ledger.sessions.size;
    const other = await stripeError(
      stripe.createCheckoutSession({ ...request, metadata: { order_id: "someone-else" } }, { idempotencyKey: k }),
    );
    expect(other).toMatchObject({ status: 400, type: "idempotency_error" });
    const elsewhere = await stripeError(stripe.createRefund({ paymentIntent: "pi_x" }, { idempotencyKey: k }));
    expect(elsewhere).toMatchObject({ status: 400, type: "idempotency_error" });
    expect(sandbox.ledger.sessions.size).toBe(before);
  });

  it("a refund retried with its key is made once; a request refused by validation stores nothing", async () => {
    const s = await stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(sandbox, `/sessions/${s.id}/pay`, {});
    const pi = (await stripe.retrieveCheckoutSession(s.id)).payment_intent as string;
    const k = key();
    const a = await stripe.createRefund({ paymentIntent: pi, amount: 10_000 }, { idempotencyKey: k });
    const b = await stripe.createRefund({ paymentIntent: pi, amount: 10_000 }, { idempotencyKey: k });
    expect(b.id).toBe(a.id);
    expect([...sandbox.ledger.refunds.values()].filter((r) => r.payment_intent === pi)).toHaveLength(1);

    const k2 = key();
    const bad = await stripeError(
      stripe.createCheckoutSession(sessionRequest({ successUrl: "not a url" }), { idempotencyKey: k2 }),
    );
    expect(bad).toMatchObject({ status: 400, code: "url_invalid", param: "success_url" });
    expect((await stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: k2 })).status).toBe("open");
  });
});

describe("payment sandbox: errors", () => {
  it("a wrong or missing secret key → 401 in Stripe's shape", async () => {
    const wrong = createStripeClient({ apiBase: sandbox.url, secretKey: "sk_test_wrong_key_1234" });
    const e = await stripeError(wrong.retrieveCheckoutSession("cs_test_x"));
    expect(e).toMatchObject({ status: 401, type: "invalid_request_error" });
    expect(e.message).toContain("Invalid API Key provided: sk_test_****1234");
    const none = await fetch(`${sandbox.url}/v1/refunds/re_x`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") },
    });
  });

  it("unknown ids → 404 resource_missing; unknown parameters → 400 parameter_unknown", async () => {
    expect(await stripeError(stripe.retrieveCheckoutSession("cs_test_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    expect(await stripeError(stripe.retrieveRefund("re_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    expect(await stripeError(stripe.retrieveEvent("evt_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    const res = await fetch(`${sandbox.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}` },
      body: "mode=payment&line_itemz[0][quantity]=1",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "parameter_unknown", param: "line_itemz" } });
  });

  it("no answer at all → StripeApiError with status 0, retryable", async () => {
    const gone = createStripeClient({ apiBase: "http://127.0.0.1:9", secretKey: API_KEY, timeoutMs: 1_000 });
    const e = await stripeError(gone.retrieveRefund("re_x"));
    expect(e).toMatchObject({ status: 0, type: "api_connection_error", retryable: true });
  });
});
