// Conformance of the payment sandbox (dev/payment-sandbox/), driven by the worker's own Stripe
// client (src/payments/stripe-client.ts): the Checkout flow, expiry, refunds.
import { describe, expect, it } from "vitest";
import { STRIPE_API_VERSION, verifyStripeSignature } from "../../src/payments/stripe-client.ts";
import {
  API_KEY,
  controlCall,
  eventually,
  sandboxSuite,
  sessionRequest,
  stripeError,
  WEBHOOK_SECRET,
} from "./payment-sandbox-fixtures.ts";

const t = sandboxSuite();

const key = () => `test-${crypto.randomUUID()}`;
describe("payment t.sandbox: Checkout Sessions", () => {
  it("creates, shows and completes a session; the completed event is delivered signed", async () => {
    const request = sessionRequest();
    const created = await t.stripe.createCheckoutSession(request, { idempotencyKey: key() });
    const headers = new Headers(t.sent[0]?.init.headers);
    expect(t.sent[0]?.url).toBe(`${t.sandbox.url}/v1/checkout/sessions`);
    expect(headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(headers.get("stripe-version")).toBe(STRIPE_API_VERSION);
    expect(headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(headers.get("idempotency-key")).toMatch(/^test-/);
    expect(String(t.sent[0]?.init.body)).toContain("line_items[0][price_data][unit_amount]=25000");

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
      url: `${t.sandbox.url}/c/pay/${created.id}`,
    });
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.expires_at - created.created).toBe(24 * 3600);
    expect(await t.stripe.retrieveCheckoutSession(created.id)).toEqual(created);

    await controlCall(t.sandbox, `/sessions/${created.id}/pay`, {});
    const delivery = await eventually(() =>
      t.receiver.ofType("checkout.session.completed").find((d) => d.event.data.object.id === created.id),
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

    const paid = await t.stripe.retrieveCheckoutSession(created.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.payment_intent).toMatch(/^pi_/);
    expect(delivery.event.data.object).toMatchObject({ payment_status: "paid", payment_intent: paid.payment_intent });
    const event = await t.stripe.retrieveEvent(delivery.event.id);
    expect(event).toMatchObject({
      id: delivery.event.id,
      type: "checkout.session.completed",
      api_version: STRIPE_API_VERSION,
    });
    expect(JSON.parse(delivery.body)).toEqual(event);
  });

  it("hosted page: shows the lines and both buttons; Decline keeps it open, Pay redirects with the id", async () => {
    const request = sessionRequest();
    const session = await t.stripe.createCheckoutSession(request, { idempotencyKey: key() });
    const page = await (await fetch(session.url as string)).text();
    expect(page).toContain("₹535.40");
    expect(page).toContain("Gold · Row F");
    expect(page).toContain(">Pay</button>");
    expect(page).toContain(">Decline</button>");

    const declined = await fetch(`${session.url}/decline`, { method: "POST" });
    expect(await declined.text()).toContain("Your card was declined");
    expect(declined.ok).toBe(true);
    expect(await t.stripe.retrieveCheckoutSession(session.id)).toMatchObject({
      status: "open",
      payment_status: "unpaid",
    });
    expect(t.receiver.deliveries.some((d) => d.event.data.object.id === session.id)).toBe(false);

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
    expect(t.sandbox.ledger.paymentIntents.size).toBeGreaterThan(0);
  });

  it("expires an open session once; a completed or expired one cannot be expired or paid", async () => {
    const open = await t.stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    const expired = await t.stripe.expireCheckoutSession(open.id);
    expect(expired).toMatchObject({ status: "expired", payment_status: "unpaid", url: null });
    await eventually(() =>
      t.receiver.ofType("checkout.session.expired").find((d) => d.event.data.object.id === open.id),
    );
    const again = await stripeError(t.stripe.expireCheckoutSession(open.id));
    expect(again).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect(await (await fetch(`${t.sandbox.url}/c/pay/${open.id}`)).text()).toContain("has expired");
    expect((await fetch(`${t.sandbox.url}/c/pay/${open.id}/pay`, { method: "POST", redirect: "manual" })).status).toBe(
      409,
    );

    const done = await t.stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(t.sandbox, `/sessions/${done.id}/pay`, {});
    expect(await stripeError(t.stripe.expireCheckoutSession(done.id))).toMatchObject({
      status: 400,
      type: "invalid_request_error",
    });
    expect((await t.stripe.retrieveCheckoutSession(done.id)).status).toBe("complete");
  });

  it("enforces Stripe's expires_at window and expires a session on its own when it passes", async () => {
    const soon = Math.floor(Date.now() / 1000) + 600;
    const tooSoon = await stripeError(
      t.stripe.createCheckoutSession(sessionRequest({ expiresAt: soon }), { idempotencyKey: key() }),
    );
    expect(tooSoon).toMatchObject({ status: 400, type: "invalid_request_error", param: "expires_at" });

    await controlCall(t.sandbox, "/switches", { minSessionSeconds: 0 });
    try {
      const expiresAt = Math.floor(Date.now() / 1000) + 1;
      const s = await t.stripe.createCheckoutSession(sessionRequest({ expiresAt }), { idempotencyKey: key() });
      await eventually(
        () => t.receiver.ofType("checkout.session.expired").find((d) => d.event.data.object.id === s.id),
        4_000,
      );
      expect(await t.stripe.retrieveCheckoutSession(s.id)).toMatchObject({ status: "expired", url: null });
    } finally {
      await controlCall(t.sandbox, "/switches", { minSessionSeconds: 1_800 });
    }
  });
});

describe("payment t.sandbox: refunds", () => {
  async function paidSession() {
    const s = await t.stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
    return t.stripe.retrieveCheckoutSession(s.id);
  }

  it("a refund is pending, then succeeded, with refund.created, charge.refunded and refund.updated", async () => {
    const session = await paidSession();
    const pi = session.payment_intent as string;
    const refund = await t.stripe.createRefund(
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
    const ofRefund = (type: string) => t.receiver.ofType(type).filter((d) => d.event.data.object.id === refund.id);
    await eventually(() => ofRefund("refund.updated").length > 0);
    expect(ofRefund("refund.created")).toHaveLength(1);
    expect(ofRefund("refund.updated")[0]?.event.data.object).toMatchObject({ status: "succeeded" });
    const charge = t.receiver.ofType("charge.refunded").find((d) => d.event.data.object.payment_intent === pi);
    expect(charge?.event.data.object).toMatchObject({ object: "charge", amount_refunded: 25_000, refunded: false });
    expect(await t.stripe.retrieveRefund(refund.id)).toMatchObject({ status: "succeeded" });

    const tooMuch = await stripeError(
      t.stripe.createRefund({ paymentIntent: pi, amount: 30_000 }, { idempotencyKey: key() }),
    );
    expect(tooMuch).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      code: "amount_too_large",
      param: "amount",
    });
    const rest = await t.stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(rest.amount).toBe(28_540);
    const none = await stripeError(t.stripe.createRefund({ paymentIntent: pi, amount: 1 }, { idempotencyKey: key() }));
    expect(none).toMatchObject({ status: 400, code: "charge_already_refunded" });
  });

  it("a refund made to fail goes pending → failed with refund.failed, and the amount can be refunded again", async () => {
    const session = await paidSession();
    const pi = session.payment_intent as string;
    await controlCall(t.sandbox, "/switches", { failNextRefunds: 1 });
    const refund = await t.stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(refund.status).toBe("pending");
    const failed = await eventually(() =>
      t.receiver.ofType("refund.failed").find((d) => d.event.data.object.id === refund.id),
    );
    expect(failed.event.data.object).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect(await t.stripe.retrieveRefund(refund.id)).toMatchObject({ status: "failed" });
    const retry = await t.stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: key() });
    expect(retry.amount).toBe(53_540);
    await t.sandbox.settled();
    expect(await t.stripe.retrieveRefund(retry.id)).toMatchObject({ status: "succeeded" });
  });

  it("refuses a refund for an unknown payment intent", async () => {
    const e = await stripeError(t.stripe.createRefund({ paymentIntent: "pi_nope" }, { idempotencyKey: key() }));
    expect(e).toMatchObject({ status: 400, code: "resource_missing", param: "payment_intent" });
  });
});
