import { describe, expect, it } from "vitest";
import * as fixtures from "../integration/fixtures";
import { call, errorOf } from "../integration/http";
import { payOrder } from "../integration/payments";
import { lockOwnerOf, lockTtlOf } from "../support/seat-locks";
import { clearFaultsAfterEach, ordersOfHold, postgresFault, redisFault } from "./faults";

clearFaultsAfterEach();

/** A show with a paid order of two seats and a pending one of a third: what Redis must not forget. */
async function paidAndPending(paidSeats: string[], pendingSeat: string) {
  const showId = await fixtures.createShow();
  const buyer = fixtures.newUser();
  const paid = await fixtures.placeOrder(buyer, showId, paidSeats);
  expect((await payOrder(buyer, paid.orderId)).webhook.status).toBe(200);
  const pending = await fixtures.placeOrder(fixtures.newUser(), showId, [pendingSeat]);
  return { showId, pending };
}

describe("Redis loses its seats but not the show's epoch", () => {
  it("no confirmed or pending seat can be sold again, and one cron run restores Redis from Postgres", async () => {
    const { showId, pending } = await paidAndPending(["A1", "A2"], "A3");

    await fixtures.redis().flushdb();
    // A partial loss that kept the show's state epoch: the seat map cannot tell that Redis forgot …
    await fixtures.redis().set(`show_state:{${showId}}`, String(Date.now()));
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("A1")?.state).toBe("AVAILABLE");

    const intruder = fixtures.newUser();
    const hold = await fixtures.postHold(intruder, showId, ["A1", "A3", "A4"]);
    expect(hold.status).toBe(201); // … so Redis alone would let someone hold them,
    const { holdId } = (await hold.json()) as fixtures.Hold;
    const order = await fixtures.postOrder(intruder, holdId);
    expect(order.status).toBe(409); // but order_seats' key refuses to sell them
    expect((await errorOf(order)).code).toBe("SEAT_TAKEN");
    expect(await ordersOfHold(holdId)).toEqual([]);

    await fixtures.runCron();
    const states = fixtures.statesOf(await fixtures.seatMap(showId));
    expect(states.get("A1")?.state).toBe("BOOKED");
    expect(states.get("A2")?.state).toBe("BOOKED");
    expect(states.get("A3")?.state).toBe("HELD"); // the pending order's lock is back until its deadline
    expect(states.get("A4")?.state).toBe("AVAILABLE");
    expect(await lockOwnerOf(fixtures.redis(), showId, "A3")).toContain(pending.holdId);
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["A1"])).status).toBe(409);
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["A3"])).status).toBe(409);
  });
});

describe("Redis loses everything, and no cron runs", () => {
  it("the next hold and seat map rebuild the show from Postgres: sold and pending seats stay taken", async () => {
    const { showId, pending } = await paidAndPending(["E1", "E2"], "E3");

    await fixtures.redis().flushdb();
    const hold = await fixtures.postHold(fixtures.newUser(), showId, ["E1", "E3", "E4"]);
    expect(hold.status).toBe(409);
    expect(await errorOf(hold)).toMatchObject({ code: "SEAT_TAKEN", seats: ["E1", "E3"] });
    expect(await lockOwnerOf(fixtures.redis(), showId, "E3")).toContain(pending.holdId);

    await fixtures.redis().flushdb();
    // Many at once on a show with no state: each may rebuild it, none is granted a sold seat.
    const rush = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fixtures.postHold(fixtures.newUser(), showId, [i % 2 ? "E1" : "E3"])),
    );
    expect(rush.map((r) => r.status)).toEqual(rush.map(() => 409));

    await fixtures.redis().flushdb();
    const states = fixtures.statesOf(await fixtures.seatMap(showId));
    expect(states.get("E1")?.state).toBe("BOOKED");
    expect(states.get("E2")?.state).toBe("BOOKED");
    expect(states.get("E3")?.state).toBe("HELD");
    expect(states.get("E4")?.state).toBe("AVAILABLE");
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["E4"])).status).toBe(201);
  });
});

describe("Postgres faults during POST /orders", () => {
  it("Postgres unreachable → 503 in the API's error shape, the hold unchanged and usable; after recovery the retry succeeds once", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const hold = (await (await fixtures.postHold(user, showId, ["B1", "B2"])).json()) as fixtures.Hold;
    await postgresFault("down");
    const res = await fixtures.postOrder(user, hold.holdId);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await errorOf(res)).code).toBe("SERVICE_UNAVAILABLE");

    await postgresFault(null);
    const after = await fixtures.getHold(user, hold.holdId);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: "HELD", seatIds: ["B1", "B2"], expiresAt: hold.expiresAt });
    expect(await lockTtlOf(fixtures.redis(), showId, "B1")).toBeLessThanOrEqual(
      new Date(hold.expiresAt).getTime() - Date.now() + 50,
    );

    const retry = await fixtures.postOrder(user, hold.holdId);
    expect(retry.status).toBe(201);
    const again = await fixtures.postOrder(user, hold.holdId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as fixtures.Order).orderId).toBe(((await retry.json()) as fixtures.Order).orderId);
    expect(await ordersOfHold(hold.holdId)).toHaveLength(1);
  });

  it.each(["drop-before", "drop-after"] as const)(
    "a connection dropped mid-request (%s) leaves no half-written order; the retry lands exactly one",
    async (mode) => {
      const showId = await fixtures.createShow();
      const user = fixtures.newUser();
      const hold = (await (await fixtures.postHold(user, showId, ["C1", "C2"])).json()) as fixtures.Hold;
      await postgresFault(mode);
      const res = await fixtures.postOrder(user, hold.holdId);
      expect(res.status).toBe(503);
      await postgresFault(null);
      const written = await ordersOfHold(hold.holdId);
      // Either the whole transaction landed (order and all its seats) or nothing did.
      if (mode === "drop-before") expect(written).toEqual([]);
      else expect(written).toEqual([{ order_id: expect.any(String), status: "PAYMENT_PENDING", seats: ["C1", "C2"] }]);

      const retry = await fixtures.postOrder(user, hold.holdId);
      expect([200, 201]).toContain(retry.status);
      const orders = await ordersOfHold(hold.holdId);
      expect(orders).toHaveLength(1);
      expect(orders[0]?.seats).toEqual(["C1", "C2"]);
      expect(((await retry.json()) as fixtures.Order).orderId).toBe(orders[0]?.order_id);
    },
  );
});

describe("Redis faults", () => {
  it.each(["down", "hang"] as const)(
    "Redis %s → holds and seat maps answer 503 in the API's error shape (bounded by the call timeout); the catalog is still served",
    async (mode) => {
      const showId = await fixtures.createShow();
      await fixtures.seatMap(showId); // the show's booking info is cached before Redis goes away
      await redisFault(mode);
      const hold = await fixtures.postHold(fixtures.newUser(), showId, ["D1"]);
      expect(hold.status).toBe(503);
      expect((await errorOf(hold)).code).toBe("SERVICE_UNAVAILABLE");
      const map = await call(`/api/v1/shows/${showId}/seatmap`);
      expect(map.status).toBe(503);
      expect((await call("/api/v1/movies?pageSize=3")).status).toBe(200);
      const health = await call("/api/v1/health");
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ redis: "down", db: "ok" });
    },
  );
});
