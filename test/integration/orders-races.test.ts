import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema";
import { holdKey, lockOwner, lockValue, seatLocksKey } from "../../src/seats/redis-contract";
import { lockOwnerOf } from "../support/seat-locks";
import * as fixtures from "./fixtures";
import { backendCalls, callSettled, errorOf } from "./http";
import {
  checkoutSessionOf,
  deliver,
  payOrder,
  paySession,
  postWebhook,
  refundsOfOrder,
  signedEvent,
  startPayment,
} from "./payments";

const orderRow = async (orderId: string) =>
  (await fixtures.db().select().from(orders).where(eq(orders.id, orderId)))[0];
const direct = (path: string, userId: string) =>
  callSettled(path, { method: "POST", headers: fixtures.asUser(userId) });
const directWebhook = (payload: string, signature: string) => postWebhook(payload, signature);
const all = (n: number, path: string, userId: string) =>
  Promise.all(Array.from({ length: n }, () => direct(path, userId)));
const queued = (responses: Response[]) => responses.reduce((n, r) => n + backendCalls(r).queue, 0);

describe("paying a pending order of a cancelled show", () => {
  it("is refused a new payment (409 SHOW_CLOSED); money that still arrives is refunded: no ticket, seats not booked", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["A1"]);
    const sessionId = await checkoutSessionOf(user, order.orderId);
    await fixtures.db().execute(sql`UPDATE shows SET status = 'CANCELLED' WHERE show_id = ${showId}`);
    const refused = await startPayment(user, order.orderId);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("SHOW_CLOSED");
    // The customer pays on the page they already had open.
    const res = await deliver((await paySession(sessionId)).id);
    expect(res.status).toBe(200);
    expect(backendCalls(res).queue).toBe(1); // the refund email, not a ticket
    const row = await orderRow(order.orderId);
    expect(row?.status).not.toBe("CONFIRMED");
    expect(row?.ticketCode).toBeNull();
    expect(row).toMatchObject({ refundStatus: "pending", refundReason: "SHOW_CLOSED", refundAmount: "200.00" });
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([20_000]);
    expect(await fixtures.redis().sismember(`booked:{${showId}}`, "A1")).toBe(0);
  });
});

describe("duplicate payment webhooks and cancels of one order, all at once", () => {
  it.each([1, 2, 3])(
    "120 concurrent deliveries of the paid event (round %i): every one 200, one ticket code; one email queued",
    async () => {
      const showId = await fixtures.createShow();
      const user = fixtures.newUser();
      const order = await fixtures.placeOrder(user, showId, ["B1", "B2"]);
      const paid = await paySession(await checkoutSessionOf(user, order.orderId));
      const { payload, signature } = await signedEvent(paid.id);
      const responses = await Promise.all(Array.from({ length: 120 }, () => directWebhook(payload, signature)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const row = await orderRow(order.orderId);
      expect(row?.status).toBe("CONFIRMED");
      expect(row?.ticketCode).toMatch(/^BMS/);
      expect(queued(responses)).toBe(1);
      expect(await refundsOfOrder(order.orderId)).toEqual([]);
    },
  );

  it("50 concurrent cancels of a paid booking: every one 200 CANCELLED; one cancellation email", async () => {
    const showId = await fixtures.createShow({ startsInMs: 2 * 86_400_000 });
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["C1"]);
    expect((await payOrder(user, order.orderId)).webhook.status).toBe(200);
    const responses = await all(50, `/api/v1/orders/${order.orderId}/cancel`, user);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const bodies = await Promise.all(responses.map(async (r) => (await r.json()) as fixtures.Order));
    expect(new Set(bodies.map((b) => b.status))).toEqual(new Set(["CANCELLED"]));
    expect(queued(responses)).toBe(1);
    // One refund at the provider, for the whole amount.
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([20_000]);
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("C1")?.state).toBe("AVAILABLE");
  });

  it("50 concurrent cancels of an unpaid order: every one 200 CANCELLED, no email", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["C2"]);
    const responses = await all(50, `/api/v1/orders/${order.orderId}/cancel`, user);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(queued(responses)).toBe(0);
    expect((await orderRow(order.orderId))?.status).toBe("CANCELLED");
  });

  it("POST /orders/{id}/cancel has a rate limit of its own: 60 a minute per user, then 429", async () => {
    const user = fixtures.newUser("canceller");
    const missing = "00000000-0000-4000-8000-000000000001";
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) {
      last = await direct(`/api/v1/orders/${missing}/cancel`, user);
      if (i < 60) expect(last.status).toBe(404);
    }
    expect(last?.status).toBe(429);
    expect((await errorOf(last as Response)).code).toBe("RATE_LIMITED");
  });
});

/**
 * The hold id `old` already has an order; Redis is made to hold it again as a fresh HELD hold on
 * `seats` (what an Idempotency-Key reused after the hold became an order used to do).
 */
async function holdAgainUnderOldId(user: string, showId: string, old: string, seats: string[]) {
  const fresh = (await (await fixtures.postHold(user, showId, seats)).json()) as fixtures.Hold;
  const record = JSON.parse(
    (await fixtures.redis().get<string>(holdKey(showId, fresh.holdId))) ?? JSON.stringify(null),
  );
  const pipe = fixtures.redis().pipeline();
  pipe.del(holdKey(showId, fresh.holdId));
  pipe.set(holdKey(showId, old), JSON.stringify({ ...record, holdId: old }), { px: 600_000 });
  for (const seat of seats)
    pipe.hset(seatLocksKey(showId), { [seat]: lockValue(lockOwner(user, old), Date.now() + 300_000) });
  await pipe.exec();
}

describe("POST /orders for a hold id that already has an order from another claim", () => {
  it("answers with the original order while it is pending, and frees the second claim's seats", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const original = await fixtures.placeOrder(user, showId, ["D1"]);
    await holdAgainUnderOldId(user, showId, original.holdId, ["D5", "D6"]);
    const res = await fixtures.postOrder(user, original.holdId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as fixtures.Order).orderId).toBe(original.orderId);
    const states = fixtures.statesOf(await fixtures.seatMap(showId));
    expect(states.get("D5")?.state).toBe("AVAILABLE");
    expect(states.get("D6")?.state).toBe("AVAILABLE");
    expect(await lockOwnerOf(fixtures.redis(), showId, "D5")).toBeNull();
    // The original order keeps its seat.
    expect(states.get("D1")?.state).not.toBe("AVAILABLE");
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["D5", "D6"])).status).toBe(201);
  });

  it("409 IDEMPOTENCY_KEY_REUSED once the original order is no longer pending; no lock left behind", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const original = await fixtures.placeOrder(user, showId, ["E1"]);
    expect((await payOrder(user, original.orderId)).webhook.status).toBe(200);
    await holdAgainUnderOldId(user, showId, original.holdId, ["E5"]);
    const res = await fixtures.postOrder(user, original.holdId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await lockOwnerOf(fixtures.redis(), showId, "E5")).toBeNull();
    expect(await fixtures.redis().exists(holdKey(showId, original.holdId))).toBe(0);
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["E5"])).status).toBe(201);
    expect((await orderRow(original.orderId))?.status).toBe("CONFIRMED");
  });
});
