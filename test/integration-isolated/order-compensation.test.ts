import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { holdKey } from "../../src/seats/redis-contract";
import type { Hold, Order } from "../integration/fixtures";
import * as fx from "../integration/fixtures";
import { backendCalls, errorOf } from "../integration/http";
import { lockOwnerOf, lockTtlOf } from "../support/seat-locks";
import { clearFaultsAfterEach, ordersOfHold, postgresFault, redisFault } from "./faults";

// POST /orders runs the Redis claim and the Postgres transaction at the same time; each way one of
// them says no (or fails) is compensated. Each test breaks one path in the real stack, then reads
// Redis and Postgres back: no seat locked with no way to be freed, no order without its seats (or
// without a claim that ends), and an answer that says what happened.

clearFaultsAfterEach();

const windowMs = Number(env.PAYMENT_WINDOW_SECONDS) * 1000;

/** A fresh hold on a show whose booking info and scripts are warm (so POST /orders makes no extra call). */
async function heldSeats(seatIds: string[]) {
  const showId = await fx.createShow();
  await fx.placeOrder(fx.newUser(), showId, ["H10"]);
  const user = fx.newUser();
  const res = await fx.postHold(user, showId, seatIds);
  expect(res.status).toBe(201);
  return { showId, user, hold: (await res.json()) as Hold };
}

const order = (user: string, hold: Hold, seatIds = hold.seatIds) =>
  fx.postOrder(user, hold.holdId, fx.customer, seatIds);
const lockOf = (showId: string, seat: string) => lockOwnerOf(fx.redis(), showId, seat);

describe("POST /orders: Redis says no while Postgres wrote the order", () => {
  it("someone else's hold id → 404; the order Postgres wrote for them is taken back; the owner's order lands", async () => {
    const { user, hold } = await heldSeats(["A1", "A2"]);
    const intruder = await order(fx.newUser(), hold);
    expect(intruder.status).toBe(404);
    expect((await errorOf(intruder)).code).toBe("HOLD_NOT_FOUND");
    expect(await ordersOfHold(hold.holdId)).toEqual([]);

    const res = await order(user, hold);
    expect(res.status).toBe(201);
    expect(await ordersOfHold(hold.holdId)).toEqual([
      { order_id: ((await res.json()) as Order).orderId, status: "PAYMENT_PENDING", seats: ["A1", "A2"] },
    ]);
  });

  it("seats that are not the hold's → that order is taken back and the hold's own seats are ordered", async () => {
    const { showId, user, hold } = await heldSeats(["B1", "B2"]);
    const res = await order(user, hold, ["B3"]);
    expect(res.status).toBe(201);
    expect(((await res.json()) as Order).seatIds).toEqual(["B1", "B2"]);
    expect((await ordersOfHold(hold.holdId)).map((o) => o.seats)).toEqual([["B1", "B2"]]);
    expect(fx.statesOf(await fx.seatMap(showId)).get("B3")?.state).toBe("AVAILABLE");
    expect((await fx.postHold(fx.newUser(), showId, ["B3"])).status).toBe(201);
  });

  it.each(["down", "hang"] as const)(
    "Redis %s → 503; the order is taken back; after recovery the retry makes exactly one",
    async (mode) => {
      const { user, hold } = await heldSeats(["C1", "C2"]);
      await redisFault(mode);
      const res = await order(user, hold);
      expect(res.status).toBe(503);
      expect((await errorOf(res)).code).toBe("SERVICE_UNAVAILABLE");
      expect(await ordersOfHold(hold.holdId)).toEqual([]);

      await redisFault(null);
      expect(await (await fx.getHold(user, hold.holdId)).json()).toMatchObject({ status: "HELD" });
      const retry = await order(user, hold);
      expect(retry.status).toBe(201);
      expect((await ordersOfHold(hold.holdId)).map((o) => o.seats)).toEqual([["C1", "C2"]]);
    },
  );

  it("Redis refuses and Postgres then fails the take-back → still the refusal; the order holds no lock and one cron run frees it at its deadline", async () => {
    const { showId, user, hold } = await heldSeats(["D1", "D2"]);
    await fx.redis().del(holdKey(showId, hold.holdId)); // Redis lost this hold
    await postgresFault("down", 1); // the order transaction passes, the take-back does not
    const res = await order(user, hold);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("HOLD_NOT_FOUND");
    await postgresFault(null);

    const [left] = await ordersOfHold(hold.holdId);
    expect(left).toMatchObject({ status: "PAYMENT_PENDING", seats: ["D1", "D2"] });
    const { rows } = (await fx
      .db()
      .execute(
        sql`SELECT expires_at <= now() + make_interval(secs => ${windowMs / 1000}) AS bounded FROM orders WHERE hold_id = ${hold.holdId}`,
      )) as unknown as { rows: { bounded: boolean }[] };
    expect(rows[0]?.bounded).toBe(true);

    await fx
      .db()
      .execute(sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE hold_id = ${hold.holdId}`);
    await fx.runCron();
    expect(await ordersOfHold(hold.holdId)).toEqual([{ order_id: left?.order_id, status: "EXPIRED", seats: [] }]);
    expect(await lockOf(showId, "D1")).toBeNull();
    expect((await fx.postHold(fx.newUser(), showId, ["D1", "D2"])).status).toBe(201);
  });
});

describe("POST /orders: Postgres says no while Redis claimed the hold", () => {
  it("Postgres fails and Redis then fails the RESTORE → 503; the claim's locks end at the payment deadline; the retry makes exactly one order", async () => {
    const { showId, user, hold } = await heldSeats(["E1", "E2"]);
    await postgresFault("down");
    await redisFault("down", 1); // the claim passes, its undo does not
    const res = await order(user, hold);
    expect(res.status).toBe(503);
    await postgresFault(null);
    await redisFault(null);

    expect(await ordersOfHold(hold.holdId)).toEqual([]);
    const ttl = await lockTtlOf(fx.redis(), showId, "E1");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(windowMs);
    expect(await (await fx.getHold(user, hold.holdId)).json()).toMatchObject({ status: "ORDERED" });

    const retry = await order(user, hold);
    expect(retry.status).toBe(201);
    const placed = (await retry.json()) as Order;
    expect(await ordersOfHold(hold.holdId)).toEqual([
      { order_id: placed.orderId, status: "PAYMENT_PENDING", seats: ["E1", "E2"] },
    ]);
    expect(await lockOf(showId, "E1")).toContain(hold.holdId);
  });

  it("a closed show → 409 SHOW_CLOSED; the claim is released, nothing written", async () => {
    const { showId, user, hold } = await heldSeats(["F1"]);
    await fx.db().execute(sql`UPDATE shows SET status = 'CANCELLED' WHERE show_id = ${showId}`);
    const res = await order(user, hold);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("SHOW_CLOSED");
    expect(await ordersOfHold(hold.holdId)).toEqual([]);
    expect(await lockOf(showId, "F1")).toBeNull();
    expect(await fx.redis().exists(holdKey(showId, hold.holdId))).toBe(0);
  });

  it("both answer: one Redis call and one database call, at the same time", async () => {
    const { user, hold } = await heldSeats(["G1"]);
    const res = await order(user, hold);
    expect(res.status).toBe(201);
    expect(backendCalls(res)).toEqual({ db: 1, redis: 1, queue: 0 });
  });
});
