// Faithfulness of the payment sandbox, judged by Stripe's own Node library (`stripe`, a test-only
// devDependency): its client works against the sandbox, its webhook verifier accepts the
// sandbox's signatures, and its errors come out as the same classes they would against Stripe.
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { createStripeClient, verifyStripeSignature } from "../../src/payments/stripe-client.ts";
import {
  API_KEY,
  controlCall,
  eventually,
  sandboxSuite,
  sessionRequest,
  WEBHOOK_SECRET,
} from "./payment-sandbox-fixtures.ts";

const t = sandboxSuite();
let official: Stripe;

beforeAll(() => {
  official = new Stripe(API_KEY, {
    host: "127.0.0.1",
    port: t.sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });
});

describe("payment t.sandbox against the official t.stripe package", () => {
  it("the official client creates, retrieves and expires a Checkout Session", async () => {
    const created = await official.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          { price_data: { currency: "inr", unit_amount: 25_000, product_data: { name: "Gold · Row F" } }, quantity: 2 },
        ],
        client_reference_id: "ord_official",
        metadata: { order_id: "ord_official" },
        success_url: "http://localhost:8787/ok?session_id={CHECKOUT_SESSION_ID}",
        cancel_url: "http://localhost:8787/cancel",
      },
      { idempotencyKey: "official-create-1" },
    );
    expect(created).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      amount_total: 50_000,
      currency: "inr",
      client_reference_id: "ord_official",
      metadata: { order_id: "ord_official" },
    });
    const retrieved = await official.checkout.sessions.retrieve(created.id);
    expect(retrieved.id).toBe(created.id);
    // What the official client made, ours reads back identically.
    const ours = createStripeClient({ apiBase: t.sandbox.url, secretKey: API_KEY });
    expect(await ours.retrieveCheckoutSession(created.id)).toEqual(JSON.parse(JSON.stringify(retrieved)));
    expect((await official.checkout.sessions.expire(created.id)).status).toBe("expired");
  });

  it("the official client refunds a paid session, and sees Stripe-shaped errors as its own classes", async () => {
    const s = await official.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { price_data: { currency: "inr", unit_amount: 9_900, product_data: { name: "Silver" } }, quantity: 1 },
      ],
      success_url: "http://localhost:8787/ok",
    });
    await controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
    const paid = await official.checkout.sessions.retrieve(s.id);
    const refund = await official.refunds.create({ payment_intent: paid.payment_intent as string, amount: 4_900 });
    expect(refund).toMatchObject({ object: "refund", status: "pending", amount: 4_900 });
    expect((await official.refunds.retrieve(refund.id)).id).toBe(refund.id);

    await expect(
      official.refunds.create({ payment_intent: paid.payment_intent as string, amount: 99_999 }),
    ).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      code: "amount_too_large",
    });
    await expect(official.checkout.sessions.retrieve("cs_test_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
    const wrongKey = new Stripe("sk_test_wrong", {
      host: "127.0.0.1",
      port: t.sandbox.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    await expect(wrongKey.refunds.retrieve(refund.id)).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(
      official.checkout.sessions.create(
        { mode: "payment", success_url: "http://x/" },
        { idempotencyKey: "official-create-1" },
      ),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("webhooks.constructEvent accepts the t.sandbox's signed deliveries", async () => {
    const ours = createStripeClient({ apiBase: t.sandbox.url, secretKey: API_KEY });
    const s = await ours.createCheckoutSession(sessionRequest(), { idempotencyKey: crypto.randomUUID() });
    await controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
    const d = await eventually(() =>
      t.receiver.ofType("checkout.session.completed").find((x) => x.event.data.object.id === s.id),
    );
    const event = official.webhooks.constructEvent(d.body, d.headers["stripe-signature"] as string, WEBHOOK_SECRET);
    expect(event).toMatchObject({
      type: "checkout.session.completed",
      data: { object: { id: s.id, payment_status: "paid" } },
    });
    expect(() =>
      official.webhooks.constructEvent(d.body, d.headers["stripe-signature"] as string, "whsec_other"),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("our verifier accepts what webhooks.generateTestHeaderString signs, and only that body", async () => {
    const payload = JSON.stringify({
      id: "evt_x",
      object: "event",
      type: "refund.updated",
      created: 1,
      data: { object: {} },
    });
    const header = official.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect(await verifyStripeSignature(payload, header, WEBHOOK_SECRET)).toMatchObject({
      ok: true,
      event: { id: "evt_x" },
    });
    expect(await verifyStripeSignature(`${payload} `, header, WEBHOOK_SECRET)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
  });
});
