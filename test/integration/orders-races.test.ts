import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema";
import worker from "../../src/index";
import { holdKey, lockOwner, seatLockKey } from "../../src/seats/redis-contract";
import {
  asUser,
  confirmPayment,
  createShow,
  db,
  type Hold,
  newUser,
  type Order,
  placeOrder,
  postHold,
  postOrder,
  redis,
  seatMap,
  statesOf,
} from "./fixtures";
import { backendCalls, errorOf } from "./http";

const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
/**
 * The worker's fetch handler called directly: the harness hop of `call` slows down with every
 * request a file makes (cloudflare/workers-sdk#15446), which would serialize the races below.
 */
async function direct(path: string, userId: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`http://localhost${path}`, { method: "POST", headers: asUser(userId) }),
    env,
    ctx,
  );
  const body = await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(body, res);
}
const all = (n: number, path: string, userId: string) =>
  Promise.all(Array.from({ length: n }, () => direct(path, userId)));
const queued = (responses: Response[]) => responses.reduce((n, r) => n + backendCalls(r).queue, 0);

describe("confirming a pending order of a cancelled show", () => {
  it("is refused (409 SHOW_CLOSED): no ticket, seats not booked, no email", async () => {
    const showId = await createShow();
    const user = newUser();
    const order = await placeOrder(user, showId, ["A1"]);
    await db().execute(sql`UPDATE shows SET status = 'CANCELLED' WHERE show_id = ${showId}`);
    const res = await confirmPayment(user, order.orderId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("SHOW_CLOSED");
    expect(backendCalls(res).queue).toBe(0);
    const row = await orderRow(order.orderId);
    expect(row?.status).not.toBe("CONFIRMED");
    expect(row?.ticketCode).toBeNull();
    expect(await redis().sismember(`booked:{${showId}}`, "A1")).toBe(0);
  });
});

describe("duplicate confirms and cancels of one order, all at once", () => {
  it.each([1, 2, 3])(
    "120 concurrent confirms (round %i): every one 200 with the one ticket code; one email queued",
    async () => {
      const showId = await createShow();
      const user = newUser();
      const order = await placeOrder(user, showId, ["B1", "B2"]);
      const responses = await all(120, `/api/v1/orders/${order.orderId}/confirm-payment`, user);
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const codes = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Order).ticketCode)));
      expect(codes.size).toBe(1);
      expect((await orderRow(order.orderId))?.ticketCode).toBe([...codes][0]);
      expect(queued(responses)).toBe(1);
    },
  );

  it("50 concurrent cancels of a paid booking: every one 200 CANCELLED; one cancellation email", async () => {
    const showId = await createShow({ startsInMs: 2 * 86_400_000 });
    const user = newUser();
    const order = await placeOrder(user, showId, ["C1"]);
    expect((await confirmPayment(user, order.orderId)).status).toBe(200);
    const responses = await all(50, `/api/v1/orders/${order.orderId}/cancel`, user);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const bodies = await Promise.all(responses.map(async (r) => (await r.json()) as Order));
    expect(new Set(bodies.map((b) => b.status))).toEqual(new Set(["CANCELLED"]));
    expect(queued(responses)).toBe(1);
    expect(statesOf(await seatMap(showId)).get("C1")?.state).toBe("AVAILABLE");
  });

  it("50 concurrent cancels of an unpaid order: every one 200 CANCELLED, no email", async () => {
    const showId = await createShow();
    const user = newUser();
    const order = await placeOrder(user, showId, ["C2"]);
    const responses = await all(50, `/api/v1/orders/${order.orderId}/cancel`, user);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(queued(responses)).toBe(0);
    expect((await orderRow(order.orderId))?.status).toBe("CANCELLED");
  });

  it("POST /orders/{id}/cancel has a rate limit of its own: 60 a minute per user, then 429", async () => {
    const user = newUser("canceller");
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
  const fresh = (await (await postHold(user, showId, seats)).json()) as Hold;
  const record = JSON.parse((await redis().get<string>(holdKey(showId, fresh.holdId))) ?? JSON.stringify(null));
  const pipe = redis().pipeline();
  pipe.del(holdKey(showId, fresh.holdId));
  pipe.set(holdKey(showId, old), JSON.stringify({ ...record, holdId: old }), { px: 600_000 });
  for (const seat of seats) pipe.set(seatLockKey(showId, seat), lockOwner(user, old), { px: 300_000 });
  await pipe.exec();
}

describe("POST /orders for a hold id that already has an order from another claim", () => {
  it("answers with the original order while it is pending, and frees the second claim's seats", async () => {
    const showId = await createShow();
    const user = newUser();
    const original = await placeOrder(user, showId, ["D1"]);
    await holdAgainUnderOldId(user, showId, original.holdId, ["D5", "D6"]);
    const res = await postOrder(user, original.holdId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Order).orderId).toBe(original.orderId);
    const states = statesOf(await seatMap(showId));
    expect(states.get("D5")?.state).toBe("AVAILABLE");
    expect(states.get("D6")?.state).toBe("AVAILABLE");
    expect(await redis().exists(seatLockKey(showId, "D5"))).toBe(0);
    // The original order keeps its seat.
    expect(states.get("D1")?.state).not.toBe("AVAILABLE");
    expect((await postHold(newUser(), showId, ["D5", "D6"])).status).toBe(201);
  });

  it("409 IDEMPOTENCY_KEY_REUSED once the original order is no longer pending; no lock left behind", async () => {
    const showId = await createShow();
    const user = newUser();
    const original = await placeOrder(user, showId, ["E1"]);
    expect((await confirmPayment(user, original.orderId)).status).toBe(200);
    await holdAgainUnderOldId(user, showId, original.holdId, ["E5"]);
    const res = await postOrder(user, original.holdId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await redis().exists(seatLockKey(showId, "E5"))).toBe(0);
    expect(await redis().exists(holdKey(showId, original.holdId))).toBe(0);
    expect((await postHold(newUser(), showId, ["E5"])).status).toBe(201);
    expect((await orderRow(original.orderId))?.status).toBe("CONFIRMED");
  });
});
