// Stripe's nested form encoding (src/payments/form-encoding.ts), and the sandbox's decoder
// (dev/payment-sandbox/form.ts) reading back exactly what the client wrote.
import { describe, expect, it } from "vitest";
import { parseStripeForm } from "../../dev/payment-sandbox/form.ts";
import { encodeStripeForm } from "../../src/payments/form-encoding.ts";

describe("Stripe form encoding", () => {
  it("writes nested objects and arrays with bracketed keys, brackets unencoded", () => {
    const body = encodeStripeForm({
      mode: "payment",
      line_items: [{ price_data: { unit_amount: 25000, product_data: { name: "Gold & co" } }, quantity: 2 }],
      metadata: { order_id: "ord 1" },
      skipped: undefined,
      cleared: null,
      flag: true,
    });
    expect(body).toBe(
      "mode=payment&line_items[0][price_data][unit_amount]=25000&line_items[0][price_data][product_data][name]=Gold%20%26%20co&line_items[0][quantity]=2&metadata[order_id]=ord%201&cleared=&flag=true",
    );
  });

  it("round-trips through the sandbox's decoder, unicode and reserved characters included", () => {
    const params = {
      line_items: [
        { price_data: { currency: "inr", unit_amount: "1", product_data: { name: 'Recliner · ₹ "VIP" [row A]' } } },
        { quantity: "3" },
      ],
      metadata: { "a=b": "x&y=z", emoji: "🎬" },
      success_url: "https://app.example/orders/1?session={CHECKOUT_SESSION_ID}&x=1",
    };
    expect(parseStripeForm(encodeStripeForm(params))).toEqual(params);
  });

  it("decodes `expand[]` lists and refuses a key that is both a value and an object", () => {
    expect(parseStripeForm("expand[]=line_items&expand[]=payment_intent")).toEqual({
      expand: ["line_items", "payment_intent"],
    });
    expect(() => parseStripeForm("metadata=x&metadata[a]=b")).toThrow(/Invalid parameter/);
  });
});
