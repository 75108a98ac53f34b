// The worker's Stripe client and webhook verifier inside workerd (not only Node), against the
// payment sandbox that global-setup starts: fetch, AbortSignal.timeout and WebCrypto as deployed.
import { describe, expect, inject, it } from "vitest";
import { createStripeClient, StripeApiError, verifyStripeSignature } from "../../src/payments/stripe-client";

const sandboxUrl = inject("paymentSandboxUrl");
const stripe = createStripeClient({ apiBase: sandboxUrl, secretKey: inject("paymentSandboxApiKey") });

describe("Stripe client in workerd", () => {
  it("creates and retrieves a session, and verifies the signed completed event", async () => {
    const orderId = crypto.randomUUID();
    const session = await stripe.createCheckoutSession(
      {
        lines: [{ name: "Gold · Row F", unitAmount: 25_000, quantity: 2 }],
        clientReferenceId: orderId,
        metadata: { order_id: orderId },
        successUrl: "http://localhost:8787/ok?session_id={CHECKOUT_SESSION_ID}",
        cancelUrl: "http://localhost:8787/cancel",
      },
      { idempotencyKey: `order-${orderId}` },
    );
    expect(session).toMatchObject({ status: "open", amount_total: 50_000, client_reference_id: orderId });

    const paid = await fetch(`${sandboxUrl}/__sandbox/sessions/${session.id}/pay`, { method: "POST" });
    expect(paid.status).toBe(200);
    expect(await stripe.retrieveCheckoutSession(session.id)).toMatchObject({
      status: "complete",
      payment_status: "paid",
    });

    const { data } = (await (await fetch(`${sandboxUrl}/__sandbox/events`)).json()) as {
      data: { id: string; type: string; data: { object: { id: string } } }[];
    };
    const completed = data.find((e) => e.type === "checkout.session.completed" && e.data.object.id === session.id);
    const signed = (await (await fetch(`${sandboxUrl}/__sandbox/events/${completed?.id}/signed`)).json()) as {
      payload: string;
      signature: string;
    };
    const secret = inject("paymentSandboxWebhookSecret");
    expect(await verifyStripeSignature(signed.payload, signed.signature, secret)).toMatchObject({
      ok: true,
      event: { id: completed?.id },
    });
    expect(await verifyStripeSignature(signed.payload, signed.signature, `${secret}x`)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
  });

  it("surfaces Stripe's errors as StripeApiError", async () => {
    const error = await stripe.retrieveRefund("re_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeApiError);
    expect(error).toMatchObject({ status: 404, type: "invalid_request_error", code: "resource_missing" });
  });
});
