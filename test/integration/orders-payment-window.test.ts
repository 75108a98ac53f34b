/**
 * One payment window per hold (issue 15, "no seat spinning"): placing an order stretches the seat
 * locks from the hold's deadline to a payment window; a hold put back after a failed order
 * (undo-order-hold RESTORE) and ordered again — any number of times — keeps the deadline its first
 * order got, and the order written alongside says the same. The honest flows stay as they were.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configOf } from "../../src/env";
import { addressBudgetKey, parseLockValue, personBudgetKey, seatLocksKey } from "../../src/seats/redis-contract";
import { seatStoreOf } from "../../src/seats/seat-store";
import { seatBudgetOf } from "../../src/seats/use-cases/seat-budget";
import { lockTtlOf } from "../support/seat-locks";
import * as fixtures from "./fixtures";
import { call } from "./http";
import { payOrder } from "./payments";

const store = () => seatStoreOf(configOf(env));
const windowMs = Number(env.PAYMENT_WINDOW_SECONDS) * 1000;
/** The seat lock's deadline (ms) as Redis keeps it. */
const lockDeadlineOf = async (showId: string, seat: string) =>
  parseLockValue(String(await fixtures.redis().hget<string>(seatLocksKey(showId), seat))).expiresAtMs;

async function heldSeats(seatIds: string[]) {
  const showId = await fixtures.createShow();
  const userId = fixtures.newUser();
  const res = await fixtures.postHold(userId, showId, seatIds);
  expect(res.status).toBe(201);
  const hold = (await res.json()) as fixtures.Hold & { expiresAt: string };
  return { showId, userId, hold };
}

describe("one payment window per hold", () => {
  it("a hold ordered, put back and ordered again (twice) never gets a second window: the script keeps the first deadline", async () => {
    const { showId, userId, hold } = await heldSeats(["D1", "D2"]);
    const claim = (orderId: string, now: number) =>
      store().orderHold(showId, hold.holdId, {
        userId,
        orderId,
        now,
        paymentWindowMs: windowMs,
        seatIds: hold.seatIds,
      });
    const firstAt = Date.now();
    const first = await claim("order-1", firstAt);
    if (first.outcome !== "ORDERED") throw new Error(`first claim: ${first.outcome}`);
    expect(first.hold.expiresAtMs).toBe(firstAt + windowMs);

    // The order could not be written: the hold is HELD again, on its own deadline.
    let ordered = first.hold;
    for (const [i, laterMs] of [20_000, 40_000].entries()) {
      expect(await store().undoOrderHold(ordered, ordered.orderId, "RESTORE", firstAt + laterMs - 1)).toBe("RESTORED");
      const again = await claim(`order-${i + 2}`, firstAt + laterMs);
      if (again.outcome !== "ORDERED") throw new Error(`claim ${i + 2}: ${again.outcome}`);
      // Not firstAt + laterMs + window: no second window.
      expect(again.hold.expiresAtMs).toBe(firstAt + windowMs);
      expect(new Date(again.hold.expiresAt).getTime()).toBe(firstAt + windowMs);
      for (const seat of hold.seatIds) {
        expect(await lockDeadlineOf(showId, seat)).toBe(firstAt + windowMs);
      }
      ordered = again.hold;
    }
  });

  it("POST /orders after a put-back hold answers with the first window's deadline, in Redis and in the order", async () => {
    const { showId, userId, hold } = await heldSeats(["E1"]);
    // Its first order was placed (and failed) just after the hold; the customer retries 1.5 s later.
    const firstAt = Date.now();
    const first = await store().orderHold(showId, hold.holdId, {
      userId,
      orderId: "failed-order",
      now: firstAt,
      paymentWindowMs: windowMs,
      seatIds: hold.seatIds,
    });
    if (first.outcome !== "ORDERED") throw new Error(`first claim: ${first.outcome}`);
    expect(await store().undoOrderHold(first.hold, "failed-order", "RESTORE", firstAt)).toBe("RESTORED");
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const res = await fixtures.postOrder(userId, hold.holdId, fixtures.customer, hold.seatIds);
    expect(res.status).toBe(201);
    const order = (await res.json()) as fixtures.Order & { expiresAt: string };
    expect(new Date(order.expiresAt).getTime()).toBe(firstAt + windowMs);
    const read = (await (
      await call(`/api/v1/orders/${order.orderId}`, { headers: fixtures.asUser(userId) })
    ).json()) as { expiresAt: string };
    expect(new Date(read.expiresAt).getTime()).toBe(firstAt + windowMs);
    expect(await lockDeadlineOf(showId, "E1")).toBe(firstAt + windowMs);
  });

  it("an honest first order gets the whole window; order, cancel, order again on that hold is refused and locks nothing", async () => {
    const { showId, userId, hold } = await heldSeats(["F1", "F2"]);
    const before = Date.now();
    const placed = await fixtures.postOrder(userId, hold.holdId, fixtures.customer, hold.seatIds);
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as fixtures.Order & { expiresAt: string };
    expect(new Date(order.expiresAt).getTime()).toBeGreaterThanOrEqual(before + windowMs - 1000);

    const cancelled = await call(`/api/v1/orders/${order.orderId}/cancel`, {
      method: "POST",
      headers: fixtures.asUser(userId),
    });
    expect(cancelled.status).toBe(200);
    const again = await fixtures.postOrder(userId, hold.holdId, fixtures.customer, hold.seatIds);
    expect(again.status).toBe(404);
    for (const seat of hold.seatIds) expect(await lockTtlOf(fixtures.redis(), showId, seat)).toBe(-2);
  });
});

describe("the seat budgets through an order", () => {
  it("an order's seats stay on the address's budget until its payment deadline, and leave the person's when it is paid", async () => {
    const showId = await fixtures.createShow();
    const userId = fixtures.newUser();
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const from = { "cf-connecting-ip": address };
    const held = await fixtures.postHold(userId, showId, ["G1", "G2"], from);
    expect(held.status).toBe(201);
    const hold = (await held.json()) as fixtures.Hold;
    const placed = await call("/api/v1/orders", {
      method: "POST",
      headers: { ...fixtures.asUser(userId), ...from },
      json: { holdId: hold.holdId, seatIds: hold.seatIds, customer: fixtures.customer },
    });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as fixtures.Order & { expiresAt: string };
    const deadline = new Date(order.expiresAt).getTime();

    const { addressTag } = await seatBudgetOf(configOf(env), address);
    const charged = async (key: string) =>
      Promise.all(hold.seatIds.map((seat) => fixtures.redis().zscore(key, `${hold.holdId}|${seat}`)));
    // The address's budget counts the seats until the payment deadline, not the hold's earlier one.
    expect((await charged(addressBudgetKey(addressTag))).map(Number)).toEqual([deadline, deadline]);
    expect((await charged(personBudgetKey(userId))).map(Number)).toEqual([deadline, deadline]);

    await payOrder(userId, order.orderId);
    // Booked seats are no longer live held seats: the person may hold others at once.
    await expect.poll(() => charged(personBudgetKey(userId))).toEqual([null, null]);
  });
});
