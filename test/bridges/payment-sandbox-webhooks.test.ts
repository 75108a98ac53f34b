// The payment sandbox's webhook delivery and its switches, observed by a local receiver:
// retries with backoff, delay, duplicates, reordering, dropped requests and lost answers.
import { beforeEach, describe, expect, it } from "vitest";
import type { DeliveryAttempt } from "../../dev/payment-sandbox/webhooks.ts";
import { verifyStripeSignature } from "../../src/payments/stripe-client.ts";
import * as fixtures from "./payment-sandbox-fixtures.ts";

const t = fixtures.sandboxSuite();

beforeEach(async () => {
  await fixtures.controlCall(t.sandbox, "/reset", {});
  t.receiver.deliveries.length = 0;
  t.receiver.answer = () => 200;
});

/** A new session paid: exactly one `checkout.session.completed` event. Returns the session id. */
async function completedSession(): Promise<string> {
  const s = await t.stripe.createCheckoutSession(fixtures.sessionRequest(), { idempotencyKey: crypto.randomUUID() });
  await fixtures.controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
  return s.id;
}
const sessionOf = (d: fixtures.Delivery) => d.event.data.object.id as string;
const attempts = async (eventId?: string) =>
  (
    await fixtures.controlCall<{ data: DeliveryAttempt[] }>(
      t.sandbox,
      `/deliveries${eventId ? `?event=${eventId}` : ""}`,
    )
  ).data;
const signedOk = async (d: fixtures.Delivery) =>
  (await verifyStripeSignature(d.body, d.headers["stripe-signature"] as string, fixtures.WEBHOOK_SECRET)).ok;

describe("payment t.sandbox webhooks", () => {
  it("retries a non-2xx answer with backoff, re-signing each attempt, until a 2xx", async () => {
    let calls = 0;
    t.receiver.answer = () => (++calls <= 2 ? 500 : 200);
    await completedSession();
    await t.sandbox.settled();
    expect(t.receiver.deliveries).toHaveLength(3);
    expect(new Set(t.receiver.deliveries.map((d) => d.event.id)).size).toBe(1);
    for (const d of t.receiver.deliveries) expect(await signedOk(d)).toBe(true);
    const log = await attempts(t.receiver.deliveries[0]?.event.id);
    expect(log.map((a) => [a.attempt, a.status, a.final])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
  });

  it("gives up when the retry schedule runs out, and retries network errors too", async () => {
    t.receiver.answer = () => 503;
    await completedSession();
    await t.sandbox.settled();
    expect(t.receiver.deliveries).toHaveLength(4); // the first attempt + 3 retries (retryDelaysMs)
    await fixtures.controlCall(t.sandbox, "/webhooks", { url: "http://127.0.0.1:9/unreachable" });
    await completedSession();
    await t.sandbox.settled();
    const unreachable = (await attempts()).filter((a) => a.endpoint.endsWith("/unreachable"));
    expect(unreachable).toHaveLength(4);
    expect(unreachable.every((a) => a.status === null && a.error)).toBe(true);
    expect(unreachable.at(-1)?.final).toBe(true);
  });

  it("delay: holds each delivery for the given time", async () => {
    await fixtures.controlCall(t.sandbox, "/switches", { delayMs: 400 });
    const s = await t.stripe.createCheckoutSession(fixtures.sessionRequest(), { idempotencyKey: crypto.randomUUID() });
    const paidAt = Date.now();
    await fixtures.controlCall(t.sandbox, `/sessions/${s.id}/pay`, {});
    await new Promise((r) => setTimeout(r, 150));
    expect(t.receiver.deliveries).toHaveLength(0);
    const d = await fixtures.eventually(() => t.receiver.deliveries[0]);
    expect(d.at - paidAt).toBeGreaterThanOrEqual(400);
  });

  it("duplicate: delivers each event N times, each copy validly signed", async () => {
    await fixtures.controlCall(t.sandbox, "/switches", { copies: 3 });
    await completedSession();
    await t.sandbox.settled();
    expect(t.receiver.deliveries).toHaveLength(3);
    expect(new Set(t.receiver.deliveries.map((d) => d.event.id)).size).toBe(1);
    for (const d of t.receiver.deliveries) expect(await signedOk(d)).toBe(true);
  });

  it("reorder: holds the next N events and delivers them newest first; flush releases a partial batch", async () => {
    await fixtures.controlCall(t.sandbox, "/switches", { reorderNext: 3 });
    const ids = [await completedSession(), await completedSession()];
    await new Promise((r) => setTimeout(r, 100));
    expect(t.receiver.deliveries).toHaveLength(0);
    ids.push(await completedSession());
    await t.sandbox.settled();
    expect(t.receiver.deliveries.map(sessionOf)).toEqual([...ids].reverse());

    t.receiver.deliveries.length = 0;
    await fixtures.controlCall(t.sandbox, "/switches", { reorderNext: 5 });
    const held = [await completedSession(), await completedSession()];
    expect(await fixtures.controlCall(t.sandbox, "/webhooks/flush", {})).toEqual({ released: 2 });
    await t.sandbox.settled();
    expect(t.receiver.deliveries.map(sessionOf)).toEqual(held.reverse());
  });

  it("drop (request): the next delivery never arrives; Stripe's retry brings it later, once", async () => {
    await fixtures.controlCall(t.sandbox, "/switches", { dropNext: 1 });
    await completedSession();
    await t.sandbox.settled();
    expect(t.receiver.deliveries).toHaveLength(1);
    const log = await attempts();
    expect(log.map((a) => [a.attempt, a.dropped, a.status])).toEqual([
      [1, true, null],
      [2, false, 200],
    ]);
  });

  it("drop (response): the endpoint gets it but its answer is lost, so the retry delivers it again", async () => {
    await fixtures.controlCall(t.sandbox, "/switches", { dropNext: 1, dropMode: "response" });
    await completedSession();
    await t.sandbox.settled();
    expect(t.receiver.deliveries).toHaveLength(2);
    expect(t.receiver.deliveries[0]?.event.id).toBe(t.receiver.deliveries[1]?.event.id);
  });

  it("sends an endpoint only the event types it subscribed to", async () => {
    await fixtures.controlCall(t.sandbox, "/webhooks", {
      endpoints: [{ url: t.receiver.url }, { url: `${t.receiver.url}?only=refunds`, events: ["refund.updated"] }],
    });
    const sessionId = await completedSession();
    const pi = (await t.stripe.retrieveCheckoutSession(sessionId)).payment_intent as string;
    await t.stripe.createRefund({ paymentIntent: pi }, { idempotencyKey: crypto.randomUUID() });
    await t.sandbox.settled();
    const onlyRefunds = (await attempts()).filter((a) => a.endpoint.includes("only=refunds"));
    expect(onlyRefunds.map((a) => a.type)).toEqual(["refund.updated"]);
    expect(t.receiver.deliveries.map((d) => d.event.type).sort()).toEqual(
      ["charge.refunded", "checkout.session.completed", "refund.created", "refund.updated", "refund.updated"].sort(),
    );
  });

  it("hands out an event signed, for a t.receiver it cannot reach (a worker under test)", async () => {
    await completedSession();
    const [event] = (await fixtures.controlCall<{ data: { id: string }[] }>(t.sandbox, "/events")).data;
    const signed = await fixtures.controlCall<{ payload: string; signature: string }>(
      t.sandbox,
      `/events/${event?.id}/signed`,
    );
    expect(await verifyStripeSignature(signed.payload, signed.signature, fixtures.WEBHOOK_SECRET)).toMatchObject({
      ok: true,
      event: { id: event?.id },
    });
  });

  it("refuses bad switches without changing any, and reset restores the defaults", async () => {
    const before = await fixtures.controlCall(t.sandbox, "/switches");
    const res = await fetch(`${t.sandbox.url}/__sandbox/switches`, {
      method: "POST",
      body: JSON.stringify({ delayMs: 10, copies: 0 }),
    });
    expect(res.status).toBe(400);
    expect(await fixtures.controlCall(t.sandbox, "/switches")).toEqual(before);
    await fixtures.controlCall(t.sandbox, "/switches", { copies: 2, failNextRefunds: 1 });
    await completedSession();
    const reset = await fixtures.controlCall<{ switches: Record<string, unknown>; counts: Record<string, number> }>(
      t.sandbox,
      "/reset",
      {},
    );
    expect(reset.switches).toMatchObject({ copies: 1, failNextRefunds: 0, retryDelaysMs: [20, 40, 80] });
    expect(reset.counts).toMatchObject({ sessions: 0, events: 0, deliveryAttempts: 0 });
  });
});
