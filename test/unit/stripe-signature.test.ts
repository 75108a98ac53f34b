// verifyStripeSignature (src/payments/stripe-signature.ts): Stripe's webhook scheme, checked
// against headers signed here with node:crypto and by the official `stripe` package.
import { createHmac } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { verifyStripeSignature } from "../../src/payments/stripe-client.ts";

const SECRET = "whsec_test_secret_for_unit_tests";
const NOW = 1_790_000_000_000; // fixed receiving time, epoch ms
const T = NOW / 1000;
const event = {
  id: "evt_1",
  object: "event",
  type: "checkout.session.completed",
  created: T,
  data: { object: { id: "cs_1" } },
};
const body = JSON.stringify(event, null, 2);
const hmac = (payload: string, secret = SECRET, t = T) =>
  createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex");
const header = (payload = body, secret = SECRET, t = T) => `t=${t},v1=${hmac(payload, secret, t)}`;
const verify = (raw: string | Uint8Array, h: string | null | undefined, opts = {}) =>
  verifyStripeSignature(raw, h, SECRET, { now: NOW, ...opts });

describe("verifyStripeSignature", () => {
  it("accepts a correctly signed event and returns it parsed", async () => {
    expect(await verify(body, header())).toEqual({ ok: true, event });
  });

  it("accepts the raw bytes as well as the text", async () => {
    expect(await verify(new TextEncoder().encode(body), header())).toMatchObject({ ok: true });
  });

  it("accepts any one of several v1 signatures (a secret being rolled) and ignores other schemes", async () => {
    const h = `t=${T},v0=${hmac(body)},v1=${"0".repeat(64)},v1=${hmac(body)}`;
    expect(await verify(body, h)).toMatchObject({ ok: true });
  });

  it("accepts headers made by the official stripe package", async () => {
    const stripe = new Stripe("sk_test_unused");
    const h = await stripe.webhooks.generateTestHeaderStringAsync({ payload: body, secret: SECRET, timestamp: T });
    expect(await verify(body, h)).toMatchObject({ ok: true, event: { id: "evt_1" } });
    expect(
      await verify(body, stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }), {
        now: Date.now(),
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses a missing or empty header", async () => {
    expect(await verify(body, undefined)).toEqual({ ok: false, reason: "NO_HEADER" });
    expect(await verify(body, null)).toEqual({ ok: false, reason: "NO_HEADER" });
    expect(await verify(body, "")).toEqual({ ok: false, reason: "NO_HEADER" });
  });

  it.each([
    ["no timestamp", `v1=${hmac(body)}`],
    ["no v1 entry", `t=${T}`],
    ["only a v0 entry", `t=${T},v0=${hmac(body)}`],
    ["a timestamp that is not a number", `t=soon,v1=${hmac(body)}`],
    ["two timestamps", `t=${T},t=${T + 1},v1=${hmac(body)}`],
    ["garbage", "definitely not a signature"],
  ])("refuses a malformed header: %s", async (_, h) => {
    expect(await verify(body, h)).toEqual({ ok: false, reason: "MALFORMED" });
  });

  it("refuses a signature made with another secret", async () => {
    expect(await verify(body, header(body, "whsec_someone_else"))).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a body changed after signing, even by one character or whitespace", async () => {
    const h = header();
    expect(await verify(body.replace("cs_1", "cs_2"), h)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(await verify(JSON.stringify(event), h)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a signature whose timestamp was changed (the timestamp is signed too)", async () => {
    const h = `t=${T + 1},v1=${hmac(body)}`;
    expect(await verify(body, h)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a non-hex or truncated signature without throwing", async () => {
    expect(await verify(body, `t=${T},v1=zz${hmac(body).slice(2)}`)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(await verify(body, `t=${T},v1=${hmac(body).slice(0, 40)}`)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a timestamp outside the tolerance, in the past or the future", async () => {
    expect(await verify(body, header(body, SECRET, T - 301))).toEqual({ ok: false, reason: "STALE" });
    expect(await verify(body, header(body, SECRET, T + 301))).toEqual({ ok: false, reason: "STALE" });
    expect(await verify(body, header(body, SECRET, T - 300))).toMatchObject({ ok: true });
    expect(await verify(body, header(body, SECRET, T - 20), { toleranceSeconds: 10 })).toEqual({
      ok: false,
      reason: "STALE",
    });
  });

  it("throws, rather than refusing every event, when the secret is not configured", async () => {
    await expect(verifyStripeSignature(body, header(), "")).rejects.toThrow(/secret is empty/);
  });

  it("refuses a correctly signed body that is not a Stripe event", async () => {
    expect(await verify("not json", header("not json"))).toEqual({ ok: false, reason: "BAD_JSON" });
    const notEvent = JSON.stringify({ id: "cs_1", object: "checkout.session" });
    expect(await verify(notEvent, header(notEvent))).toEqual({ ok: false, reason: "BAD_JSON" });
  });
});
