import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { HOLD_RECORD_GRACE_MS, holdKey } from "../../src/seats/redis-contract";
import { dropLock, lockOwnerOf, lockTtlOf } from "../support/seat-locks";
import {
  asUser,
  createShow,
  deleteHold,
  getHold,
  type Hold,
  newUser,
  placeOrder,
  postHold,
  putHold,
  redis,
  seatMap,
  setShowStatus,
  statesOf,
} from "./fixtures";
import { backendCalls, call, errorOf, roundTrips } from "./http";
import { payOrder } from "./payments";

const held = async (res: Response) => {
  const text = await res.text();
  expect([200, 201], text).toContain(res.status);
  return JSON.parse(text) as Hold;
};

/** Makes a hold's deadline pass now (as if HOLD_TTL_SECONDS had run out), without waiting. */
async function expireHold(hold: Hold) {
  const key = holdKey(hold.showId, hold.holdId);
  const record = JSON.parse((await redis().get<string>(key)) as string);
  const past = Date.now() - 1_000;
  await redis().set(key, JSON.stringify({ ...record, expiresAt: new Date(past).toISOString(), expiresAtMs: past }), {
    px: HOLD_RECORD_GRACE_MS,
  });
  for (const seat of hold.seatIds) await dropLock(redis(), hold.showId, seat);
}

describe("POST /holds", () => {
  it("holds all seats at once: 201, HELD, expiry from HOLD_TTL_SECONDS, priced from the show", async () => {
    const showId = await createShow({ price: "250.00" });
    const user = newUser();
    const before = Date.now();
    const res = await postHold(user, showId, ["C5", "C4"]);
    expect(res.status).toBe(201);
    const hold = (await res.json()) as Hold;
    expect(res.headers.get("location")).toBe(`/api/v1/holds/${hold.holdId}`);
    expect(hold).toMatchObject({ showId, seatIds: ["C4", "C5"], quantity: 2, status: "HELD", amount: "500.00" });
    const ttl = Number(env.HOLD_TTL_SECONDS) * 1000;
    expect(new Date(hold.expiresAt).getTime()).toBeGreaterThanOrEqual(before + ttl);
    expect(new Date(hold.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + ttl);
    const lockTtl = await lockTtlOf(redis(), showId, "C4");
    expect(lockTtl).toBeGreaterThan(ttl - 5_000);
    expect(lockTtl).toBeLessThanOrEqual(ttl);
  });

  it("costs one Redis call and no database call on a warm show (Server-Timing)", async () => {
    const showId = await createShow();
    await held(await postHold(newUser(), showId, ["A1"])); // warms the show cache and the script cache
    const res = await postHold(newUser(), showId, ["A2", "A3"]);
    expect(res.status).toBe(201);
    expect(backendCalls(res)).toEqual({ db: 0, redis: 1, queue: 0 });
  });

  it("prices seat categories of a large hall with its surcharges", async () => {
    const showId = await createShow({ largeHall: true, price: "200.00" });
    const map = await seatMap(showId);
    const front = map.rows[0];
    const back = map.rows[map.rows.length - 1];
    const frontSeat = front?.seats.find((s) => s)?.seatId as string;
    const backSeat = back?.seats.find((s) => s)?.seatId as string;
    const hold = await held(await postHold(newUser(), showId, [frontSeat, backSeat]));
    const prices = hold.seats.map((s) => Number(s.price));
    expect(Math.max(...prices)).toBeGreaterThan(Math.min(...prices));
    expect(Number(hold.amount)).toBeCloseTo(prices[0]! + prices[1]!, 2);
  });

  it("409 SEAT_TAKEN names the taken seats and changes nothing", async () => {
    const showId = await createShow();
    const first = await held(await postHold(newUser(), showId, ["D1", "D2"]));
    const loser = newUser();
    const res = await postHold(loser, showId, ["D2", "D3", "D1"]);
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("SEAT_TAKEN");
    expect((error.seats as string[]).sort()).toEqual(["D1", "D2"]);
    const states = statesOf(await seatMap(showId, loser));
    expect(states.get("D3")).toEqual({ state: "AVAILABLE", mine: false });
    expect(states.get("D1")).toEqual({ state: "HELD", mine: false });
    expect(await lockOwnerOf(redis(), showId, "D1")).toContain(first.holdId);
  });

  it.each([
    [
      "more than MAX_SEATS_PER_HOLD seats",
      ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "B1"],
      11,
      "SEAT_COUNT",
    ],
    ["quantity not equal to the seats", ["A1", "A2"], 3, "QUANTITY_MISMATCH"],
    ["the same seat twice", ["A1", "A1"], 2, "DUPLICATE_SEATS"],
    ["seats outside the hall", ["A1", "K1", "A11"], 3, "UNKNOWN_SEATS"],
  ])("400 for %s, naming the rule", async (_, seatIds, quantity, rule) => {
    const showId = await createShow();
    const res = await call("/api/v1/holds", {
      method: "POST",
      headers: asUser(newUser()),
      json: { showId, seatIds, quantity },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: "HOLD_RULE_BROKEN", rule });
    if (rule === "UNKNOWN_SEATS") expect(error.seats).toEqual(["K1", "A11"]);
    expect((await seatMap(showId)).counts.held).toBe(0);
  });

  it("400 for a show that has started or was cancelled", async () => {
    const started = await createShow({ startsInMs: -3_600_000 * 2 });
    const res = await postHold(newUser(), started, ["A1"]);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "HOLD_RULE_BROKEN", rule: "SHOW_CLOSED" });

    const cancelled = await createShow({ status: "CANCELLED" });
    const res2 = await postHold(newUser(), cancelled, ["A1"]);
    expect(res2.status).toBe(400);
    expect(await errorOf(res2)).toMatchObject({ rule: "SHOW_CLOSED" });
  });

  it("404 for an unknown show, 401 without identity, 400 for malformed or invalid bodies", async () => {
    const unknown = await postHold(newUser(), "00000000-0000-4000-8000-000000000000", ["A1"]);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("SHOW_NOT_FOUND");

    const showId = await createShow();
    const anonymous = await call("/api/v1/holds", { method: "POST", json: { showId, seatIds: ["A1"], quantity: 1 } });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("UNAUTHENTICATED");

    const malformed = await call("/api/v1/holds", {
      method: "POST",
      headers: { ...asUser(newUser()), "content-type": "application/json" },
      body: '{"showId": "',
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).message).toMatch(/json/i);

    for (const body of [
      {},
      { showId, seatIds: ["A1"] },
      { showId: "nope", seatIds: ["A1"], quantity: 1 },
      { showId, seatIds: ["a1"], quantity: 1 },
      { showId, seatIds: "A1", quantity: 1 },
      { showId, seatIds: ["A1"], quantity: 1.5 },
    ]) {
      const res = await call("/api/v1/holds", { method: "POST", headers: asUser(newUser()), json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
    }
    expect((await seatMap(showId)).counts.held).toBe(0);
  });

  it("409 HOLD_LIMIT when a user already has 2 live holds on the show; other shows unaffected", async () => {
    const showId = await createShow();
    const user = newUser();
    await held(await postHold(user, showId, ["E1"]));
    const second = await held(await postHold(user, showId, ["E2"]));
    const third = await postHold(user, showId, ["E3"]);
    expect(third.status).toBe(409);
    expect(await errorOf(third)).toMatchObject({ code: "HOLD_LIMIT", limit: 2 });
    expect(statesOf(await seatMap(showId)).get("E3")?.state).toBe("AVAILABLE");

    expect((await postHold(user, await createShow(), ["E3"])).status).toBe(201);
    expect((await deleteHold(user, second.holdId)).status).toBe(204);
    expect((await postHold(user, showId, ["E3"])).status).toBe(201);
  });

  it("makes retries safe with Idempotency-Key: same key → same hold; different seats → 409", async () => {
    const showId = await createShow();
    const user = newUser();
    const key = { "Idempotency-Key": crypto.randomUUID() };
    const first = await postHold(user, showId, ["F1", "F2"], key);
    expect(first.status).toBe(201);
    const hold = (await first.json()) as Hold;
    const retry = await postHold(user, showId, ["F2", "F1"], key);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Hold).holdId).toBe(hold.holdId);
    const misuse = await postHold(user, showId, ["F3"], key);
    expect(misuse.status).toBe(409);
    expect((await errorOf(misuse)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    // Another user with the same key gets their own hold.
    expect((await postHold(newUser(), showId, ["F5"], key)).status).toBe(201);
  });
});

describe("GET|PUT|DELETE /holds/{holdId}", () => {
  it("GET returns the caller's hold; someone else's is a 404 and unchanged", async () => {
    const showId = await createShow();
    const owner = newUser();
    const hold = await held(await postHold(owner, showId, ["G1"]));
    const mine = await getHold(owner, hold.holdId);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual(hold);

    const stranger = newUser();
    for (const res of [
      await getHold(stranger, hold.holdId),
      await putHold(stranger, hold.holdId, ["G2"]),
      await deleteHold(stranger, hold.holdId),
    ]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("HOLD_NOT_FOUND");
    }
    expect(await (await getHold(owner, hold.holdId)).json()).toEqual(hold);
    expect(await lockOwnerOf(redis(), showId, "G1")).toBe(`${owner}:${hold.holdId}`);
  });

  it("404 for an unknown or malformed hold id, 401 without identity", async () => {
    const showId = await createShow();
    const hold = await held(await postHold(newUser(), showId, ["G3"]));
    const unknownId = `${hold.holdId.slice(0, 30)}AAAAAAAA${hold.holdId.slice(38)}`;
    expect((await getHold(newUser(), unknownId)).status).toBe(404);
    const malformed = await getHold(newUser(), "not-a-hold");
    expect(malformed.status).toBe(400);
    expect((await call(`/api/v1/holds/${hold.holdId}`)).status).toBe(401);
  });

  it("PUT swaps seats atomically and keeps the expiry; a taken seat changes nothing", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = await held(await postHold(user, showId, ["H1", "H2"]));
    const other = await held(await postHold(newUser(), showId, ["H5"]));
    // Redis meets the change and release scripts first (EVALSHA → NOSCRIPT → EVAL, once per server).
    const warmer = newUser();
    const warm = await held(await postHold(warmer, showId, ["H8"]));
    expect((await putHold(warmer, warm.holdId, ["H9"])).status).toBe(200);
    expect((await deleteHold(warmer, warm.holdId)).status).toBe(204);

    const swapped = await putHold(user, hold.holdId, ["H2", "H3"]);
    expect(swapped.status).toBe(200);
    // One Redis round trip: the script reads the hold itself (no read before it).
    expect(backendCalls(swapped)).toEqual({ db: 0, redis: 1, queue: 0 });
    expect(roundTrips(swapped)).toBe(1);
    const next = (await swapped.json()) as Hold;
    expect(next).toMatchObject({ holdId: hold.holdId, seatIds: ["H2", "H3"], expiresAt: hold.expiresAt });
    let states = statesOf(await seatMap(showId, user, hold.holdId));
    expect(states.get("H1")?.state).toBe("AVAILABLE");
    expect(states.get("H3")).toEqual({ state: "HELD", mine: true });
    const lockTtl = await lockTtlOf(redis(), showId, "H3");
    expect(lockTtl).toBeLessThanOrEqual(new Date(hold.expiresAt).getTime() - Date.now() + 50);

    const blocked = await putHold(user, hold.holdId, ["H3", "H4", "H5"]);
    expect(blocked.status).toBe(409);
    expect(await errorOf(blocked)).toMatchObject({ code: "SEAT_TAKEN", seats: ["H5"] });
    states = statesOf(await seatMap(showId, user, hold.holdId));
    expect(states.get("H4")?.state).toBe("AVAILABLE");
    expect(states.get("H2")).toEqual({ state: "HELD", mine: true });
    expect(await lockOwnerOf(redis(), showId, "H5")).toContain(other.holdId);
    expect(((await (await getHold(user, hold.holdId)).json()) as Hold).seatIds).toEqual(["H2", "H3"]);

    const invalid = await putHold(user, hold.holdId, ["Z1"]);
    expect(invalid.status).toBe(400);
  });

  it("DELETE frees only this hold's seats and forgets the hold", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = await held(await postHold(user, showId, ["I1", "I2"]));
    const res = await deleteHold(user, hold.holdId);
    expect(res.status).toBe(204);
    // One Redis round trip: the script reads the hold and checks its owner itself.
    expect(backendCalls(res)).toEqual({ db: 0, redis: 1, queue: 0 });
    expect(roundTrips(res)).toBe(1);
    const states = statesOf(await seatMap(showId));
    expect(states.get("I1")?.state).toBe("AVAILABLE");
    expect((await getHold(user, hold.holdId)).status).toBe(404);
    expect((await deleteHold(user, hold.holdId)).status).toBe(404);
  });

  it("an expired hold answers 410 to GET and PUT, its seats are free for others, DELETE still cleans up", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = await held(await postHold(user, showId, ["J1", "J2"]));
    await expireHold(hold);

    const got = await getHold(user, hold.holdId);
    expect(got.status).toBe(410);
    expect((await errorOf(got)).code).toBe("HOLD_EXPIRED");
    expect((await putHold(user, hold.holdId, ["J3"])).status).toBe(410);
    expect((await getHold(newUser(), hold.holdId)).status).toBe(404);
    expect((await postHold(newUser(), showId, ["J1"])).status).toBe(201);
    expect((await deleteHold(user, hold.holdId)).status).toBe(204);
    expect((await getHold(user, hold.holdId)).status).toBe(404);
  });
});

describe("GET /shows/{showId}/seatmap", () => {
  it("shows every seat with its state and `mine` (the caller's holdId), costs one Redis round trip on a warm show, and 304s when unchanged", async () => {
    const showId = await createShow();
    const me = newUser();
    const mine = await held(await postHold(me, showId, ["B2"]));
    await held(await postHold(newUser(), showId, ["B3"]));
    const buyer = newUser();
    await payOrder(buyer, (await placeOrder(buyer, showId, ["B4"])).orderId);

    // Without a hold id: the shared part alone, one Redis call (the show's three seat keys).
    const shared = await call(`/api/v1/shows/${showId}/seatmap`, { headers: asUser(me) });
    expect(backendCalls(shared)).toEqual({ db: 0, redis: 1, queue: 0 });
    expect(statesOf((await shared.json()) as Awaited<ReturnType<typeof seatMap>>).get("B2")).toEqual({
      state: "HELD",
      mine: false,
    });
    // With the caller's hold id: its record is read at the same time (two calls, one round trip).
    const url = `/api/v1/shows/${showId}/seatmap?holdId=${mine.holdId}`;
    const res = await call(url, { headers: asUser(me) });
    expect(res.status).toBe(200);
    expect(backendCalls(res)).toEqual({ db: 0, redis: 2, queue: 0 });
    expect(roundTrips(res)).toBe(1);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const map = (await res.json()) as Awaited<ReturnType<typeof seatMap>>;
    expect(map.counts).toEqual({ total: 100, available: 97, held: 2, booked: 1 });
    const states = statesOf(map);
    expect(states.get("B2")).toEqual({ state: "HELD", mine: true });
    expect(states.get("B3")).toEqual({ state: "HELD", mine: false });
    expect(states.get("B4")).toEqual({ state: "BOOKED", mine: false });
    expect(map.rows.map((r) => r.label)).toEqual([..."ABCDEFGHIJ"]);

    const etag = res.headers.get("etag") as string;
    const same = await call(url, { headers: { ...asUser(me), "If-None-Match": etag } });
    expect(same.status).toBe(304);
    await held(await postHold(newUser(), showId, ["B5"]));
    const changed = await call(url, { headers: { ...asUser(me), "If-None-Match": etag } });
    expect(changed.status).toBe(200);

    const anonymous = statesOf(await seatMap(showId));
    expect(anonymous.get("B2")).toEqual({ state: "HELD", mine: false });
    // Someone else naming my hold id, or no one: nothing is theirs.
    expect(statesOf(await seatMap(showId, newUser(), mine.holdId)).get("B2")).toEqual({ state: "HELD", mine: false });
    expect((await call(`/api/v1/shows/${showId}/seatmap?holdId=nope`)).status).toBe(400);
  });

  it("draws aisles as gaps for a hall with a layout", async () => {
    const showId = await createShow({ largeHall: true });
    const map = await seatMap(showId);
    expect(map.rows.some((r) => r.seats.includes(null))).toBe(true);
    expect(map.counts.total).toBeGreaterThan(100);
  });

  it("404 for an unknown show, 400 for a malformed id", async () => {
    expect((await call("/api/v1/shows/00000000-0000-4000-8000-000000000000/seatmap")).status).toBe(404);
    expect((await call("/api/v1/shows/xyz/seatmap")).status).toBe(400);
  });
});

describe("rate limit", () => {
  it("429 with Retry-After once a user exceeds the hold budget", async () => {
    const user = newUser("greedy");
    // The limiter's window is fixed (60 s): a run that straddles a window's end gets a fresh
    // budget once, so the first 429 comes after 60 to 120 answered requests, never sooner.
    const statuses: number[] = [];
    let over: Response | undefined;
    while (!over && statuses.length < 125) {
      const res = await call("/api/v1/holds", { method: "POST", headers: asUser(user), json: {} });
      statuses.push(res.status);
      if (res.status === 429) over = res;
    }
    if (!over) throw new Error("no 429 from the hold budget");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(over)).code).toBe("RATE_LIMITED");
    const answered = statuses.slice(0, -1);
    expect(answered.every((s) => s === 400)).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(answered.length).toBeLessThanOrEqual(120);
    // Someone else is not affected.
    expect((await call("/api/v1/holds", { method: "POST", headers: asUser(newUser()), json: {} })).status).toBe(400);
  });
});

describe("after a cancellation", () => {
  it("a cached show that becomes CANCELLED stops taking holds once the cache entry is gone", async () => {
    const showId = await createShow();
    await held(await postHold(newUser(), showId, ["A1"]));
    await setShowStatus(showId, "CANCELLED");
    const { forgetShowBookingInfo } = await import("../../src/catalog/show-info");
    await forgetShowBookingInfo(showId);
    expect((await postHold(newUser(), showId, ["A2"])).status).toBe(400);
  });
});
