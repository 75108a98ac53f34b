// The shared seat-map snapshot (SEAT_MAP_SNAPSHOT_MS = 1500 in this project): pollers of one show
// share one Redis read per snapshot age, the caller's own hold is overlaid fresh, and a hold
// always decides on Redis itself, never on the snapshot.
import { describe, expect, it } from "vitest";
import { asUser, createShow, type Hold, newUser, postHold, type SeatMapBody, statesOf } from "../integration/fixtures";
import { backendCalls, call, errorOf } from "../integration/http";

const SNAPSHOT_MS = 1500;

const map = async (showId: string, userId?: string, holdId?: string) => {
  const res = await call(`/api/v1/shows/${showId}/seatmap${holdId ? `?holdId=${holdId}` : ""}`, {
    headers: userId ? asUser(userId) : {},
  });
  expect(res.status).toBe(200);
  return { redis: backendCalls(res).redis, states: statesOf((await res.json()) as SeatMapBody) };
};

describe("the shared seat-map snapshot", () => {
  it("many concurrent and repeated pollers of one show cost one Redis read per snapshot", async () => {
    const showId = await createShow();
    await map(showId); // Redis meets the show (its state is built from Postgres): a snapshot of it
    await new Promise((r) => setTimeout(r, SNAPSHOT_MS + 100)); // …which then ages out
    const started = Date.now();
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => map(showId, i % 2 ? newUser() : undefined)));
    const again = await Promise.all(Array.from({ length: 20 }, () => map(showId)));
    // Still inside one snapshot's age: exactly one of the 40 requests read Redis.
    expect(Date.now() - started).toBeLessThan(SNAPSHOT_MS);
    expect([...first, ...again].reduce((sum, r) => sum + r.redis, 0)).toBe(1);
  });

  it("a snapshot may be a moment old, but the caller's own hold is fresh and holds decide on Redis", async () => {
    const showId = await createShow();
    expect((await map(showId)).states.get("C1")).toEqual({ state: "AVAILABLE", mine: false });
    const me = newUser();
    const res = await postHold(me, showId, ["C1", "C2"]);
    expect(res.status).toBe(201);
    const { holdId } = (await res.json()) as Hold;

    // The shared snapshot was taken before the hold…
    expect((await map(showId)).states.get("C1")).toEqual({ state: "AVAILABLE", mine: false });
    // …the holder sees their seats at once (their hold record, read with the snapshot)…
    const own = await map(showId, me, holdId);
    expect(own.redis).toBe(1);
    expect(own.states.get("C1")).toEqual({ state: "HELD", mine: true });
    expect(own.states.get("C2")).toEqual({ state: "HELD", mine: true });
    // …and nobody can hold what the snapshot still shows free.
    const late = await postHold(newUser(), showId, ["C2", "C3"]);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).seats).toEqual(["C2"]);

    // Once the snapshot is older than its age, the next poller reads Redis again.
    await new Promise((r) => setTimeout(r, SNAPSHOT_MS + 100));
    const fresh = await map(showId);
    expect(fresh.redis).toBe(1);
    expect(fresh.states.get("C1")).toEqual({ state: "HELD", mine: false });
    expect((await map(showId)).redis).toBe(0);
  });
});
