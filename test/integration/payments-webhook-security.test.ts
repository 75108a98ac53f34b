// No path confirms an order without a verified provider event: everything thrown at the old
// confirm route and at the webhook leaves the order unconfirmed, writes nothing, and answers 4xx.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, paymentEvents } from "../../src/db/schema";
import { toPaise } from "../../src/shared/money";
import { asUser, confirmPaymentRoute, createShow, db, newUser, type Order, placeOrder } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";
import {
  checkoutSessionOf,
  deliver,
  paidSessionOutsideWorker,
  paySession,
  postWebhook,
  refundsOfOrder,
  signedEvent,
  webhookSecret,
} from "./payments";

const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
const eventRows = (eventId: string) => db().$count(paymentEvents, eq(paymentEvents.id, eventId));

/** Stripe's signature scheme, in workerd: HMAC-SHA256 over `t.payload`. */
async function sign(payload: string, secret = webhookSecret, t = Math.floor(Date.now() / 1000)) {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}.${payload}`)));
  return `t=${t},v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const forgedEvent = (type: string, object: Record<string, unknown>, id = `evt_forged_${crypto.randomUUID()}`) =>
  JSON.stringify({
    id,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
  });

describe("the payment webhook refuses what it cannot verify", () => {
  const user = newUser();
  let order: Order;
  let sessionId: string;
  let paid: { payload: string; signature: string; id: string };

  beforeAll(async () => {
    const showId = await createShow();
    order = await placeOrder(user, showId, ["A1", "A2"]);
    sessionId = await checkoutSessionOf(user, order.orderId);
    // The customer paid, but the genuine event has not been delivered: only forgeries arrive.
    const event = await paySession(sessionId);
    paid = { ...(await signedEvent(event.id)), id: event.id };
  });

  /** Nothing about the order changed and the event was not recorded. */
  async function expectUntouched(eventId: string) {
    const row = await orderRow(order.orderId);
    expect(row).toMatchObject({
      status: "PAYMENT_PENDING",
      ticketCode: null,
      paymentIntentId: null,
      refundStatus: null,
    });
    expect(await eventRows(eventId)).toBe(0);
    expect(await refundsOfOrder(order.orderId)).toEqual([]);
  }

  it.each([
    ["no signature", () => postWebhook(paid.payload), "NO_HEADER"],
    ["a malformed signature", () => postWebhook(paid.payload, "v1=abc"), "MALFORMED"],
    [
      "the wrong secret",
      async () => postWebhook(paid.payload, await sign(paid.payload, "whsec_not_ours")),
      "BAD_SIGNATURE",
    ],
    [
      "a stale timestamp (a captured request replayed)",
      async () =>
        postWebhook(paid.payload, await sign(paid.payload, webhookSecret, Math.floor(Date.now() / 1000) - 600)),
      "STALE",
    ],
    [
      "the body changed after signing",
      () => postWebhook(paid.payload.replace(`"${order.orderId}"`, `"${crypto.randomUUID()}"`), paid.signature),
      "BAD_SIGNATURE",
    ],
    ["an empty body", () => postWebhook("", paid.signature), "BAD_SIGNATURE"],
  ])("%s → 400 WEBHOOK_SIGNATURE_INVALID, nothing written", async (_, send, reason) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "WEBHOOK_SIGNATURE_INVALID", reason });
    expect(backendCalls(res)).toEqual({ db: 0, redis: 0, queue: 0 });
    await expectUntouched(paid.id);
  });

  it("an event for another order (validly signed, the session is someone else's) → 400, nothing written", async () => {
    const other = await placeOrder(newUser(), await createShow(), ["B1"]);
    const body = JSON.parse(paid.payload);
    body.id = `evt_forged_${crypto.randomUUID()}`;
    body.data.object.client_reference_id = other.orderId;
    body.data.object.metadata = { order_id: other.orderId };
    const payload = JSON.stringify(body);
    const res = await postWebhook(payload, await sign(payload));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("WEBHOOK_EVENT_MISMATCH");
    expect((await orderRow(other.orderId))?.status).toBe("PAYMENT_PENDING");
    await expectUntouched(body.id);
  });

  it("a session that is not paid (the body says completed, the provider says open) → 409, nothing written", async () => {
    const unpaid = await placeOrder(user, await createShow(), ["C1"]);
    const unpaidSession = await checkoutSessionOf(user, unpaid.orderId);
    const payload = forgedEvent("checkout.session.completed", {
      id: unpaidSession,
      object: "checkout.session",
      client_reference_id: unpaid.orderId,
      metadata: { order_id: unpaid.orderId },
      payment_status: "paid",
      amount_total: 20_000,
    });
    const res = await postWebhook(payload, await sign(payload));
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("PAYMENT_NOT_PAID");
    expect(await orderRow(unpaid.orderId)).toMatchObject({ status: "PAYMENT_PENDING", ticketCode: null });
    expect(await eventRows(JSON.parse(payload).id)).toBe(0);
  });

  it("a session the provider does not have → 400, nothing written", async () => {
    const payload = forgedEvent("checkout.session.completed", {
      id: "cs_test_forged",
      client_reference_id: order.orderId,
    });
    const res = await postWebhook(payload, await sign(payload));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("WEBHOOK_EVENT_MISMATCH");
    await expectUntouched(JSON.parse(payload).id);
  });

  it.each([
    ["whose amount is not the order's (₹1 instead of ₹200)", () => 100, "inr"],
    ["in another currency, for the order's amount", (order: Order) => toPaise(order.amount), "usd"],
  ])("a paid session %s → 409 PAYMENT_AMOUNT_MISMATCH, nothing written", async (_, amountOf, currency) => {
    const cheap = await placeOrder(user, await createShow(), ["D1"]);
    // A session made outside the worker for this order, and paid.
    const { event } = await paidSessionOutsideWorker(cheap.orderId, amountOf(cheap), currency);
    const res = await deliver(event.id);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("PAYMENT_AMOUNT_MISMATCH");
    expect(await orderRow(cheap.orderId)).toMatchObject({
      status: "PAYMENT_PENDING",
      ticketCode: null,
      paymentIntentId: null,
    });
    expect(await eventRows(event.id)).toBe(0);
  });

  it("a replayed event id naming another type or order → 409 WEBHOOK_EVENT_REUSED, nothing written", async () => {
    const buyer = newUser();
    const bought = await placeOrder(buyer, await createShow(), ["E1"]);
    const event = await paySession(await checkoutSessionOf(buyer, bought.orderId));
    expect((await deliver(event.id)).status).toBe(200);
    const ticket = (await orderRow(bought.orderId))?.ticketCode;

    const asExpired = JSON.parse((await signedEvent(event.id)).payload);
    asExpired.type = "checkout.session.expired";
    const asOther = JSON.parse((await signedEvent(event.id)).payload);
    asOther.data.object.client_reference_id = order.orderId;
    asOther.data.object.metadata = { order_id: order.orderId };
    for (const body of [asExpired, asOther]) {
      const payload = JSON.stringify(body);
      const res = await postWebhook(payload, await sign(payload));
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe("WEBHOOK_EVENT_REUSED");
    }
    expect(await orderRow(bought.orderId)).toMatchObject({ status: "CONFIRMED", ticketCode: ticket });
    expect(await db().select().from(paymentEvents).where(eq(paymentEvents.id, event.id))).toMatchObject([
      { type: "checkout.session.completed", orderId: bought.orderId },
    ]);
    await expectUntouched(paid.id);
  });

  it("event types it does not act on → 200, nothing written", async () => {
    const payload = forgedEvent("customer.created", { id: "cus_1" });
    const res = await postWebhook(payload, await sign(payload));
    expect(res.status).toBe(200);
    expect(await eventRows(JSON.parse(payload).id)).toBe(0);
  });
});

describe("the old confirm route confirms nothing", () => {
  it("every body and header thrown at it → 4xx, the order stays PAYMENT_PENDING, nothing written", async () => {
    const user = newUser();
    const order = await placeOrder(user, await createShow(), ["F1"]);
    const attempts: [Record<string, string>, string | undefined][] = [
      [{}, undefined],
      [{ "content-type": "application/json" }, JSON.stringify({ paid: true })],
      [{ "content-type": "application/json" }, JSON.stringify({ paid: false })],
      [{ "content-type": "application/json" }, JSON.stringify({ status: "CONFIRMED", amount: "0.00" })],
      [{ "stripe-signature": "t=1,v1=00" }, "{}"],
      [{ "x-payment-approved": "true", "content-type": "text/plain" }, "approved"],
    ];
    for (const [headers, body] of attempts) {
      const res = await call(`/api/v1/orders/${order.orderId}/confirm-payment`, {
        method: "POST",
        headers: { ...asUser(user), ...headers },
        body,
      });
      expect(res.status, JSON.stringify([headers, body])).toBe(409);
      expect(await errorOf(res)).toMatchObject({ code: "PAYMENT_NOT_RECEIVED", status: "PAYMENT_PENDING" });
    }
    expect((await confirmPaymentRoute(newUser(), order.orderId)).status).toBe(404);
    expect((await call(`/api/v1/orders/${order.orderId}/confirm-payment`, { method: "POST" })).status).toBe(401);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAYMENT_PENDING", ticketCode: null, paidAt: null });
  });
});
