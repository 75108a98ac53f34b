import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderSeats, orders } from "../../src/db/schema";
import * as fixtures from "../integration/fixtures";
import { call, errorOf } from "../integration/http";
import { payOrder, startPayment } from "../integration/payments";

// The original design double-booked or leaked seats in four ways; each is a test here, with
// HOLD_TTL_SECONDS and PAYMENT_WINDOW_SECONDS set to seconds (see vitest.config.ts).
const holdTtlMs = Number(env.HOLD_TTL_SECONDS) * 1000;
const windowMs = Number(env.PAYMENT_WINDOW_SECONDS) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const statusOf = async (orderId: string) =>
  (await fixtures.db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]?.status;

describe(`orders with HOLD_TTL_SECONDS=${env.HOLD_TTL_SECONDS}, PAYMENT_WINDOW_SECONDS=${env.PAYMENT_WINDOW_SECONDS}`, () => {
  it("(a) a pending order's seats cannot be held by anyone else until it expires, even past the hold TTL", async () => {
    expect(windowMs).toBeGreaterThan(holdTtlMs);
    const showId = await fixtures.createShow();
    const order = await fixtures.placeOrder(fixtures.newUser(), showId, ["A1", "A2"]);
    await sleep(holdTtlMs + 300); // the hold's own TTL has passed …
    const blocked = await fixtures.postHold(fixtures.newUser(), showId, ["A2"]);
    expect(blocked.status).toBe(409); // … but the order still owns the seats
    expect(await errorOf(blocked)).toMatchObject({ code: "SEAT_TAKEN", seats: ["A2"] });

    await sleep(new Date(order.expiresAt).getTime() - Date.now() + 300);
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["A2"])).status).toBe(201);
  });

  it("(b) paying after the payment window → 410, and the seats stay free for others", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["B1"]);
    await sleep(new Date(order.expiresAt).getTime() - Date.now() + 300);
    const late = await startPayment(user, order.orderId);
    expect(late.status).toBe(410);
    expect((await errorOf(late)).code).toBe("ORDER_EXPIRED");
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("B1")?.state).toBe("AVAILABLE");
    // Another customer can buy the seat, even before any cron run: the stale order is expired by
    // the transaction that needs its seat.
    expect(await statusOf(order.orderId)).toBe("PAYMENT_PENDING");
    const other = fixtures.newUser();
    const theirs = await fixtures.placeOrder(other, showId, ["B1"]);
    expect(await statusOf(order.orderId)).toBe("EXPIRED");
    expect((await payOrder(other, theirs.orderId)).webhook.status).toBe(200);
    expect((await startPayment(user, order.orderId)).status).toBe(410);
  });

  it("(c) one hold makes one order; a user's abandoned pending orders expire", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const hold = (await (await fixtures.postHold(user, showId, ["C1"])).json()) as fixtures.Hold;
    const first = (await (await fixtures.postOrder(user, hold.holdId)).json()) as fixtures.Order;
    const second = await fixtures.postOrder(user, hold.holdId);
    expect(second.status).toBe(200);
    expect(((await second.json()) as fixtures.Order).orderId).toBe(first.orderId);

    const abandoned = await fixtures.placeOrder(user, showId, ["C2"]);
    await sleep(windowMs + 300);
    await fixtures.runCron();
    for (const id of [first.orderId, abandoned.orderId]) expect(await statusOf(id)).toBe("EXPIRED");
    const mine = (await (await call("/api/v1/orders", { headers: { "x-user-id": user } })).json()) as {
      items: fixtures.Order[];
    };
    expect(mine.items.map((o) => o.status)).toEqual(["EXPIRED", "EXPIRED"]);
    // A hold that already became an (expired) order cannot be ordered again.
    expect((await fixtures.postOrder(user, hold.holdId)).status).toBe(404);
  });

  it("(d) the cron expires overdue orders and frees their seats (order_seats rows and Redis locks)", async () => {
    const showId = await fixtures.createShow();
    const order = await fixtures.placeOrder(fixtures.newUser(), showId, ["D1", "D2"]);
    await sleep(windowMs + 300);
    await fixtures.runCron();
    expect(await statusOf(order.orderId)).toBe("EXPIRED");
    expect(await fixtures.db().$count(orderSeats, eq(orderSeats.orderId, order.orderId))).toBe(0);
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("D1")?.state).toBe("AVAILABLE");
    await fixtures.runCron(); // idempotent: a second run changes nothing and does not fail
    expect(await statusOf(order.orderId)).toBe("EXPIRED");
  });
});
