import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configOf } from "../../src/env";
import { signAdmission } from "../../src/onsale/admission-token";
import { eventConfigKey } from "../../src/onsale/redis-keys";
import type { OnsaleEvent, QueueView } from "../../src/shared/onsale";
import { as, json, staff } from "./admin-helpers";
import { asUser, createShow, type Hold, newUser, type Order, postBestHold, postHold, redis, seatMap } from "./fixtures";
import { backendCalls, callSettled, errorOf } from "./http";
import { onsaleShow, orderWith, poll } from "./onsale-helpers";
import { payAndRead } from "./payments";

const leave = (eventId: string, userId: string) =>
  callSettled(`/api/v1/onsale/events/${eventId}/queue`, { method: "DELETE", headers: asUser(userId) });

const untilOpen = (opensAtMs: number) => new Promise((r) => setTimeout(r, Math.max(0, opensAtMs - Date.now() + 20)));

/** Spearman's rank correlation of two orderings of the same n things (1: the same order). */
function rankCorrelation(a: number[], b: number[]): number {
  const n = a.length;
  const d2 = a.reduce((sum, x, i) => sum + (x - (b[i] ?? 0)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** Where each visitor stands after opening: 0 for the admitted, else their place. */
const standing = (view: QueueView) => (view.state === "ADMITTED" ? 0 : (view.place ?? Number.NaN));

describe("the on-sale waiting room", () => {
  it("staff mark a show (role and theatre checked); a hold on it then needs an admission", async () => {
    const s = await staff();
    const showId = await createShow({ theatreId: s.theatreA });
    const path = `/theatres/${s.theatreA}/shows/${showId}/onsale`;
    const body = { opensAt: new Date(Date.now() + 60_000).toISOString(), admitPerSecond: 5, maxActive: 10 };
    expect((await as(s, "usherA", path, { method: "PUT", json: body })).status).toBe(403);
    expect((await as(s, "managerB", path, { method: "PUT", json: body })).status).toBe(404);
    const tooLate = await as(s, "managerA", path, {
      method: "PUT",
      json: { ...body, opensAt: "2999-01-01T00:00:00Z" },
    });
    expect(tooLate.status).toBe(400);
    const event = await json<OnsaleEvent>(await as(s, "managerA", path, { method: "PUT", json: body }), 200);
    expect(event.showIds).toEqual([showId]);
    expect((await seatMap(showId)).onsaleEventId).toBe(event.eventId);
    const refused = await postHold(newUser(), showId, ["A1"]);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({ code: "ADMISSION_REQUIRED", eventId: event.eventId });
    // Switched off, the show sells as any show again.
    expect((await as(s, "managerA", path, { method: "DELETE" })).status).toBe(204);
    expect((await postHold(newUser(), showId, ["A1"])).status).toBe(201);
    expect(
      (
        await callSettled(`/api/v1/onsale/events/${event.eventId}/queue`, {
          method: "POST",
          headers: asUser(newUser()),
        })
      ).status,
    ).toBe(404);
  });

  it("draws the pre-queue's order at random (not arrival order); later arrivals queue in arrival order behind it", async () => {
    const s = await staff();
    const { event, opensAtMs } = await onsaleShow(s, { opensInMs: 2_500, admitPerSecond: 1, maxActive: 1000 });
    const early = Array.from({ length: 30 }, () => newUser("early"));
    for (const user of early) {
      const view = await poll(event.eventId, user);
      expect(view).toMatchObject({ state: "PRE_QUEUE", opensAt: new Date(opensAtMs).toISOString() });
      expect(view.place).toBeUndefined();
    }
    await untilOpen(opensAtMs);
    const views = await Promise.all(early.map((user) => poll(event.eventId, user)));
    const places = views.map(standing);
    const queued = places.filter((p) => p > 0).sort((a, b) => a - b);
    const admitted = places.filter((p) => p === 0).length;
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(queued).toEqual(Array.from({ length: queued.length }, (_, i) => i + 1));
    // 30 sequential arrivals: were places arrival order, the correlation would be 1 (random: about 0 ± 0.19).
    const arrival = places.map((_, i) => i);
    const order = [...places.keys()].sort((a, b) => (places[a] ?? 0) - (places[b] ?? 0));
    const rankOf = arrival.map((i) => order.indexOf(i));
    expect(rankCorrelation(arrival, rankOf)).toBeLessThan(0.8);
    // After opening: first come, first served, behind everyone who was there before.
    const late = Array.from({ length: 5 }, () => newUser("late"));
    const latePlaces: number[] = [];
    for (const user of late) latePlaces.push(standing(await poll(event.eventId, user)));
    expect(Math.min(...latePlaces)).toBeGreaterThan(Math.max(...queued));
    expect(latePlaces).toEqual([...latePlaces].sort((a, b) => a - b));
    expect(new Set(latePlaces).size).toBe(5);
  });

  it("admits at the event's rate, and within its cap of shoppers as they finish", async () => {
    const s = await staff();
    const rate = await onsaleShow(s, { opensInMs: 1_500, admitPerSecond: 2, maxActive: 1000 });
    const visitors = Array.from({ length: 12 }, () => newUser("rate"));
    await Promise.all(visitors.map((user) => poll(rate.event.eventId, user)));
    await untilOpen(rate.opensAtMs);
    let admitted = 0;
    for (let round = 0; round < 4; round++) {
      const views = await Promise.all(visitors.map((user) => poll(rate.event.eventId, user)));
      admitted = views.filter((v) => v.state === "ADMITTED").length;
      // Never ahead of the rate: the first at opening, then 2 a second.
      expect(admitted).toBeLessThanOrEqual(Math.floor(((Date.now() - rate.opensAtMs) * 2) / 1000) + 1);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(admitted).toBeGreaterThan(1);
    expect(admitted).toBeLessThan(visitors.length);

    const cap = await onsaleShow(s, { opensInMs: 1_000, admitPerSecond: 1000, maxActive: 2 });
    const shoppers = Array.from({ length: 4 }, () => newUser("cap"));
    await Promise.all(shoppers.map((user) => poll(cap.event.eventId, user)));
    await untilOpen(cap.opensAtMs + 50);
    const first = await Promise.all(shoppers.map((user) => poll(cap.event.eventId, user)));
    const inside = shoppers.filter((_, i) => first[i]?.state === "ADMITTED");
    expect(inside).toHaveLength(2);
    const waiting = first.filter((v) => v.state === "QUEUED");
    expect(waiting.map((v) => v.estimatedWaitSeconds ?? 0).every((w) => w > 0)).toBe(true);
    expect((await leave(cap.event.eventId, inside[0] ?? "")).status).toBe(204);
    const next = await Promise.all(shoppers.map((user) => poll(cap.event.eventId, user)));
    expect(next.filter((v) => v.state === "ADMITTED")).toHaveLength(2);
    expect(next[shoppers.indexOf(inside[0] ?? "")]?.state).toBe("QUEUED");
  });

  it("banks no admissions while nobody waits: a burst after a quiet spell is still let in at the rate", async () => {
    const s = await staff();
    // Open for 4 s with nobody in line: admission from elapsed time x rate would owe 9 at once.
    const quiet = await onsaleShow(s, { opensInMs: -4_000, admitPerSecond: 2, maxActive: 1000 });
    const burst = Array.from({ length: 12 }, () => newUser("burst"));
    const started = Date.now();
    const first = await Promise.all(burst.map((user) => poll(quiet.event.eventId, user)));
    // At most one second's worth of the rate at once (the first visitor of a quiet sale goes in).
    const atOnce = first.filter((v) => v.state === "ADMITTED").length;
    expect(atOnce).toBeGreaterThanOrEqual(1);
    expect(atOnce).toBeLessThanOrEqual(2);
    let admitted = atOnce;
    for (let round = 0; round < 3; round++) {
      await new Promise((r) => setTimeout(r, 500));
      const views = await Promise.all(burst.map((user) => poll(quiet.event.eventId, user)));
      admitted = views.filter((v) => v.state === "ADMITTED").length;
      // Paced at 2 a second from the burst on, on top of the one second's worth.
      expect(admitted).toBeLessThanOrEqual(2 + Math.floor(((Date.now() - started) * 2) / 1000));
    }
    // And the line still moves at the rate.
    expect(admitted).toBeGreaterThan(atOnce);
  });

  it("a hold needs the holder's own admission: none, another's, an altered or an expired one is refused", async () => {
    const s = await staff();
    const { showId, event, opensAtMs } = await onsaleShow(s, {
      opensInMs: -1_000,
      admitPerSecond: 100,
      maxActive: 100,
    });
    expect(opensAtMs).toBeLessThan(Date.now());
    const [alice, bob] = [newUser("alice"), newUser("bob")];
    const view = await poll(event.eventId, alice);
    expect(view.state).toBe("ADMITTED");
    const token = view.admission?.token ?? "";
    const withToken = (t: string) => ({ "Admission-Token": t });
    const bobs = await postHold(bob, showId, ["B1"], withToken(token));
    expect(bobs.status).toBe(403);
    expect(await errorOf(bobs)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "NOT_YOURS" });
    const altered = await postHold(alice, showId, ["B1"], withToken(token.replace(/^\d+/, "9999999999999")));
    expect(await errorOf(altered)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "NOT_YOURS" });
    const expired = await signAdmission(configOf(env), {
      eventId: event.eventId,
      userId: alice,
      expiresAtMs: Date.now() - 1,
    });
    const late = await postHold(alice, showId, ["B1"], withToken(expired));
    expect(late.status).toBe(403);
    expect(await errorOf(late)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "EXPIRED" });
    expect((await postHold(alice, showId, ["B1"], withToken(token))).status).toBe(201);
  });

  it("an admission ends when its shopper is done — bought, or left: its token admits no new hold, queueing again does", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const withToken = (view: QueueView) => ({ "Admission-Token": view.admission?.token ?? "" });
    const [buyer, leaver] = [newUser("buyer"), newUser("leaver")];
    const admitted = await poll(event.eventId, buyer);
    expect(admitted.state).toBe("ADMITTED");
    const held = await postHold(buyer, showId, ["C1", "C2"], withToken(admitted));
    expect(held.status).toBe(201);
    const hold = (await held.json()) as Hold;
    const ordered = await orderWith(buyer, hold, admitted.admission?.token ?? "");
    expect(ordered.status).toBe(201);
    // Ordered but not paid: still shopping, the admission stands.
    expect((await poll(event.eventId, buyer)).state).toBe("ADMITTED");
    expect((await payAndRead(buyer, ((await ordered.json()) as Order).orderId)).status).toBe("CONFIRMED");

    const again = await postHold(buyer, showId, ["D1"], withToken(admitted));
    expect(again.status).toBe(403);
    expect(await errorOf(again)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED", eventId: event.eventId });
    expect(backendCalls(again).redis).toBe(1);
    // Queueing again: a new admission (the line is empty here), whose token holds.
    const readmitted = await poll(event.eventId, buyer);
    expect(readmitted.state).toBe("ADMITTED");
    expect(readmitted.admission?.token).not.toBe(admitted.admission?.token);
    const second = await postHold(buyer, showId, ["D1"], withToken(readmitted));
    expect(second.status).toBe(201);
    expect(backendCalls(second).redis).toBe(1);

    const leaving = await poll(event.eventId, leaver);
    expect(leaving.state).toBe("ADMITTED");
    expect((await leave(event.eventId, leaver)).status).toBe(204);
    const afterLeaving = await postBestHold(leaver, showId, { quantity: 1 }, withToken(leaving));
    expect(await errorOf(afterLeaving)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED" });
  });

  it("rebuilds a lost queue configuration from Postgres on the next poll", async () => {
    const s = await staff();
    const { event } = await onsaleShow(s, { opensInMs: 60_000, admitPerSecond: 1, maxActive: 1 });
    await redis().del(eventConfigKey(event.eventId));
    expect((await poll(event.eventId, newUser())).state).toBe("PRE_QUEUE");
  });
});
