import { describe, expect, it } from "vitest";
import {
  cancelOrder,
  confirmPayment,
  createShow,
  deleteHold,
  type Hold,
  newUser,
  type Order,
  postHold,
  postOrder,
  redis,
  seatMap,
  statesOf,
} from "./fixtures";
import { errorOf } from "./http";

const lockKey = (showId: string, seat: string) => `seat_lock:{${showId}}:${seat}`;

describe("POST /orders right at hold expiry", () => {
  it("410 HOLD_EXPIRED when the hold's locks lapsed and nobody else took the seats", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = (await (await postHold(user, showId, ["A1", "A2"])).json()) as Hold;
    // The locks lapse a moment before the record's deadline (Redis's clock runs ahead of ours).
    await redis().del(lockKey(showId, "A1"), lockKey(showId, "A2"));
    const res = await postOrder(user, hold.holdId);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe("HOLD_EXPIRED");
  });

  it("409 SEAT_TAKEN only when someone else holds one of the lapsed seats", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = (await (await postHold(user, showId, ["A3", "A4"])).json()) as Hold;
    await redis().del(lockKey(showId, "A3"));
    const other = newUser();
    expect((await postHold(other, showId, ["A3"])).status).toBe(201);
    const res = await postOrder(user, hold.holdId);
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "SEAT_TAKEN", seats: ["A3"] });
  });
});

describe("an Idempotency-Key reused after its hold became an order", () => {
  it.each([
    ["cancelled", cancelOrder],
    ["confirmed", confirmPayment],
  ] as const)("after the order is %s, the key makes no new hold and leaves no lock", async (_, settle) => {
    const showId = await createShow();
    const user = newUser();
    const key = { "Idempotency-Key": `retry-${user}` };
    const first = await postHold(user, showId, ["B1", "B2"], key);
    expect(first.status).toBe(201);
    const hold = (await first.json()) as Hold;
    const order = (await (await postOrder(user, hold.holdId)).json()) as Order;
    expect((await settle(user, order.orderId)).status).toBe(200);

    const again = await postHold(user, showId, ["B1", "B2"], key);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await redis().get(lockKey(showId, "B1"))).toBeNull();
    expect(await redis().get(lockKey(showId, "B2"))).toBeNull();
    // The old hold id stays gone for every other path too.
    expect((await deleteHold(user, hold.holdId)).status).toBe(404);
    expect((await postOrder(user, hold.holdId)).status).not.toBe(201);
    const states = statesOf(await seatMap(showId));
    expect(states.get("B1")?.state).toBe(settle === confirmPayment ? "BOOKED" : "AVAILABLE");
  });
});
