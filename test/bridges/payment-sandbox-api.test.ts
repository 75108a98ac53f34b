// Conformance of the payment sandbox (dev/payment-sandbox/), driven by the worker's own Stripe
// client (src/payments/stripe-client.ts): idempotency and errors, as Stripe answers them.
import { describe, expect, it } from "vitest";
import { createStripeClient } from "../../src/payments/stripe-client.ts";
import { API_KEY, controlCall, sandboxSuite, sessionRequest, stripeError } from "./payment-sandbox-fixtures.ts";

const t = sandboxSuite();

const key = () => `test-${crypto.randomUUID()}`;
describe("payment t.sandbox: idempotency", () => {
  it("same key and same parameters → the same answer, replayed, and one object", async () => {
    const request = sessionRequest();
    const k = key();
    const first = await t.stripe.createCheckoutSession(request, { idempotencyKey: k });
    const second = await t.stripe.createCheckoutSession(request, { idempotencyKey: k });
    expect(second).toEqual(first);
    const raw = await fetch(`${t.sandbox.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        "Idempotency-Key": k,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: String(t.sent[0]?.init.body),
    });
    expect(raw.headers.get("idempotent-replayed")).toBe("true");
    expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    expect(
      [...t.sandbox.ledger.sessions.values()].filter((s) => s.client_reference_id === request.clientReferenceId),
    ).toHaveLength(1);
  });

  it("same key with other parameters, or on another endpoint → 400 idempotency_error, nothing created", async () => {
    const k = key();
    const request = sessionRequest();
    await t.stripe.createCheckoutSession(request, { idempotencyKey: k });
    const before = t.sandbox.ledger.sessions.size;
    const other = await stripeError(
      t.stripe.createCheckoutSession({ ...request, metadata: { order_id: "someone-else" } }, { idempotencyKey: k }),
    );
    expect(other).toMatchObject({ status: 400, type: "idempotency_error" });
    const elsewhere = await stripeError(t.stripe.createRefund({ paymentIntent: "pi_x" }, { idempotencyKey: k }));
    expect(elsewhere).toMatchObject({ status: 400, type: "idempotency_error" });
    expect(t.sandbox.ledger.sessions.size).toBe(before);
  });

  it("a refund retried with its key is made once; a request refused by validation stores nothing", async () => {
    const s = await t.stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: key() });
    await controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
    const pi = (await t.stripe.retrieveCheckoutSession(s.id)).payment_intent as string;
    const k = key();
    const a = await t.stripe.createRefund({ paymentIntent: pi, amount: 10_000 }, { idempotencyKey: k });
    const b = await t.stripe.createRefund({ paymentIntent: pi, amount: 10_000 }, { idempotencyKey: k });
    expect(b.id).toBe(a.id);
    expect([...t.sandbox.ledger.refunds.values()].filter((r) => r.payment_intent === pi)).toHaveLength(1);

    const k2 = key();
    const bad = await stripeError(
      t.stripe.createCheckoutSession(sessionRequest({ successUrl: "not a url" }), { idempotencyKey: k2 }),
    );
    expect(bad).toMatchObject({ status: 400, code: "url_invalid", param: "success_url" });
    expect((await t.stripe.createCheckoutSession(sessionRequest(), { idempotencyKey: k2 })).status).toBe("open");
  });
});

describe("payment t.sandbox: errors", () => {
  it("a wrong or missing secret key → 401 in Stripe's shape", async () => {
    const wrong = createStripeClient({ apiBase: t.sandbox.url, secretKey: "sk_test_wrong_key_1234" });
    const e = await stripeError(wrong.retrieveCheckoutSession("cs_test_x"));
    expect(e).toMatchObject({ status: 401, type: "invalid_request_error" });
    expect(e.message).toContain("Invalid API Key provided: sk_test_****1234");
    const none = await fetch(`${t.sandbox.url}/v1/refunds/re_x`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") },
    });
  });

  it("unknown ids → 404 resource_missing; unknown parameters → 400 parameter_unknown", async () => {
    expect(await stripeError(t.stripe.retrieveCheckoutSession("cs_test_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    expect(await stripeError(t.stripe.retrieveRefund("re_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    expect(await stripeError(t.stripe.retrieveEvent("evt_nope"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    const res = await fetch(`${t.sandbox.url}/v1/checkout/sessions`, {
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
