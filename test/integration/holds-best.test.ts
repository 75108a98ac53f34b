import { describe, expect, it } from "vitest";
import { bookedSeatsKey, seatLocksKey, showStateKey } from "../../src/seats/redis-contract";
import { layoutOf } from "../support/halls";
import {
  createShow,
  type Hold,
  locksOf,
  newUser,
  placeOrder,
  postBestHold,
  postHold,
  putHold,
  redis,
  seatMap,
} from "./fixtures";
import { backendCalls, errorOf } from "./http";

async function held(res: Response): Promise<Hold> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Hold;
}

describe("POST /holds with best", () => {
  it("holds the centre of the row two thirds back, in one Redis call on a warm show (Server-Timing)", async () => {
    const showId = await createShow();
    await held(await postHold(newUser(), showId, ["A1"])); // warms the show
    const user = newUser();
    const hold = await held(await postBestHold(user, showId, { quantity: 2 })); // and its script
    expect(hold).toMatchObject({ seatIds: ["G5", "G6"], quantity: 2, status: "HELD" });
    expect(hold.seats.map((s) => s.seatId)).toEqual(["G5", "G6"]);
    const locks = await locksOf(showId);
    expect(locks.get("G5")).toContain(user);
    expect(locks.get("G6")).toContain(user);
    // The next best pair moves on and never strands G4 or G7 when a choice avoids it.
    const res = await postBestHold(newUser(), showId, { quantity: 2 });
    const next = await held(res);
    expect(backendCalls(res)).toEqual({ db: 0, redis: 1, queue: 0 });
    expect(next.seatIds).not.toEqual(expect.arrayContaining(["G5"]));
    expect(["G3,G4", "G7,G8", "F5,F6", "H5,H6"]).toContain(next.seatIds.join(","));
  });

  it("keeps to the category asked for, and refuses one the hall has not", async () => {
    const showId = await createShow({ largeHall: true });
    const map = await seatMap(showId);
    const res = await postBestHold(newUser(), showId, { quantity: 3, category: "NOPE" });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "HOLD_RULE_BROKEN", rule: "UNKNOWN_CATEGORY" });
    const category = (map as unknown as { categories: { code: string }[] }).categories.at(-1)?.code as string;
    const hold = await held(await postBestHold(newUser(), showId, { quantity: 3, category }));
    expect(hold.seats.every((s) => s.category === category)).toBe(true);
  });

  it("409 NO_BEST_SEATS says what is possible, and a split over two rows is taken only when allowed", async () => {
    const showId = await createShow({ layout: layoutOf("111", "111") });
    await held(await postHold(newUser(), showId, ["A1", "B1"]));
    const user = newUser();
    const res = await postBestHold(user, showId, { quantity: 3 });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "NO_BEST_SEATS", largestBlock: 2, available: 4 });
    expect((await locksOf(showId)).size).toBe(2);
    const split = await held(await postBestHold(user, showId, { quantity: 3, allowSplit: true }));
    expect(split.seatIds).toHaveLength(3);
    expect(new Set(split.seatIds.map((s) => s[0]))).toEqual(new Set(["A", "B"]));
  });

  it("quantity over the per-hold limit is a rule broken, not a hold", async () => {
    const showId = await createShow();
    const res = await postBestHold(newUser(), showId, { quantity: 11 });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "HOLD_RULE_BROKEN", rule: "SEAT_COUNT" });
  });

  it("answers a retry with the same Idempotency-Key with the same hold, and keeps the per-user limit", async () => {
    const showId = await createShow();
    const user = newUser();
    const key = { "idempotency-key": `best-${user}` };
    const first = await held(await postBestHold(user, showId, { quantity: 2 }, key));
    const again = await postBestHold(user, showId, { quantity: 2 }, key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Hold).holdId).toBe(first.holdId);
    const other = await postBestHold(user, showId, { quantity: 3 }, key);
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    await held(await postBestHold(user, showId, { quantity: 1 }));
    const third = await postBestHold(user, showId, { quantity: 1 });
    expect(third.status).toBe(409);
    expect((await errorOf(third)).code).toBe("HOLD_LIMIT");
  });

  it("never offers sold seats, even after Redis lost the show (rebuilt before answering)", async () => {
    const showId = await createShow({ layout: layoutOf("1111", "1111", "1111") });
    // Row C is the best row (two thirds back): sell its centre, then lose the show's Redis state.
    await placeOrder(newUser(), showId, ["C2", "C3"]);
    await redis().del(bookedSeatsKey(showId), showStateKey(showId), seatLocksKey(showId));
    const hold = await held(await postBestHold(newUser(), showId, { quantity: 2 }));
    expect(hold.seatIds).not.toContain("C2");
    expect(hold.seatIds).not.toContain("C3");
    expect(await redis().exists(showStateKey(showId))).toBe(1);
  });
});

describe("the orphan rule on manual picks", () => {
  it("refuses a pick that strands one seat, naming it (POST and PUT), when another as large does not", async () => {
    const showId = await createShow({ layout: layoutOf("11111", "11111"), orphanRule: true });
    const user = newUser();
    const res = await postHold(user, showId, ["A2", "A3"]);
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "SEAT_STRANDED", seat: "A1" });
    expect((await locksOf(showId)).size).toBe(0);
    const hold = await held(await postHold(user, showId, ["A1", "A2"]));
    const change = await putHold(user, hold.holdId, ["B3", "B4"]);
    expect(change.status).toBe(409);
    expect(await errorOf(change)).toMatchObject({ code: "SEAT_STRANDED", seat: "B5" });
    // Its own seats count as free: moving along the row is fine.
    expect((await putHold(user, hold.holdId, ["A2", "A3"])).status).toBe(409);
    expect((await putHold(user, hold.holdId, ["B4", "B5"])).status).toBe(200);
  });

  it("lets a pick strand a seat when no other selection of that size in the row avoids it", async () => {
    const showId = await createShow({ layout: layoutOf("11111"), orphanRule: true });
    await held(await postHold(newUser(), showId, ["A4", "A5"]));
    // A1–A3 free: any two of them leave one alone.
    await held(await postHold(newUser(), showId, ["A2", "A3"]));
  });

  it("is off unless the show turns it on", async () => {
    const showId = await createShow({ layout: layoutOf("11111") });
    await held(await postHold(newUser(), showId, ["A2", "A3"]));
  });
});
