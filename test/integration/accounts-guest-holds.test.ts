// A guest who signs in mid-checkout keeps the hold (issue #10, "live holds move to the account"):
// on the real stack, through POST /auth/claim-guest as the web UI calls it after either sign-in.

import { describe, expect, it } from "vitest";
import { type HoldRecord, holdKey, lockOwner, personBudgetKey, userHoldsKey } from "../../src/seats/redis-contract";
import { lockTtlOf } from "../support/seat-locks";
import { clientIp, Jar, signInByEmail, signInByOidc } from "./accounts-helpers";
import { createShow, customer, type Hold, locksOf, placeOrder, redis, seatMap, statesOf } from "./fixtures";
import { call, errorOf, withBindings } from "./http";

const address = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newGuest(): Promise<{ token: string; userId: string }> {
  const res = await call("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": clientIp() } });
  return (await res.json()) as { token: string; userId: string };
}

const asGuest = (guest: { token: string }) => ({ authorization: `Bearer ${guest.token}` });

async function holdAs(guest: { token: string }, showId: string, seatIds: string[]): Promise<Hold> {
  const res = await call("/api/v1/holds", {
    method: "POST",
    headers: asGuest(guest),
    json: { showId, seatIds, quantity: seatIds.length },
  });
  if (res.status !== 201) throw new Error(`hold: ${res.status} ${await res.text()}`);
  return (await res.json()) as Hold;
}

const claim = (jar: Jar, guest: { token: string }, holdIds: string[]) =>
  jar.call("/api/v1/auth/claim-guest", { method: "POST", json: { guestToken: guest.token, holdIds } });

async function recordOf(showId: string, holdId: string): Promise<HoldRecord | null> {
  const text = await redis().get<string | HoldRecord>(holdKey(showId, holdId));
  return typeof text === "string" ? (JSON.parse(text) as HoldRecord) : text;
}

describe("a guest's live holds follow them into the account", () => {
  it("moves each hold once under concurrent sign-ins; the account orders it, the guest token no longer can", async () => {
    const guest = await newGuest();
    const showId = await createShow();
    const held = await holdAs(guest, showId, ["A1", "A2"]);
    const pending = await placeOrder(guest.userId, showId, ["B1"]);
    const email = address("midcheckout");
    // Two devices of the same person sign in, each claiming the guest token several times at once.
    const [phone, laptop] = [new Jar(), new Jar()];
    await signInByOidc(phone, email);
    const { userId } = await signInByEmail(laptop, email);
    const claims = await Promise.all(
      [phone, laptop, phone, laptop, phone, laptop].map((jar) => claim(jar, guest, [held.holdId, pending.holdId])),
    );
    expect(claims.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(claims.map(async (r) => (await r.json()) as { movedHolds: number }));
    expect(bodies.reduce((sum, b) => sum + b.movedHolds, 0)).toBe(2);

    // Record, locks and both active-holds sets name the account, once.
    expect(await recordOf(showId, held.holdId)).toMatchObject({ userId, status: "HELD", seatIds: ["A1", "A2"] });
    expect(await recordOf(showId, pending.holdId)).toMatchObject({ userId, status: "ORDERED" });
    const locks = await locksOf(showId);
    expect([locks.get("A1"), locks.get("A2"), locks.get("B1")]).toEqual([
      lockOwner(userId, held.holdId),
      lockOwner(userId, held.holdId),
      lockOwner(userId, pending.holdId),
    ]);
    expect(await redis().zrange(userHoldsKey(showId, guest.userId), 0, -1)).toEqual([]);
    expect((await redis().zrange(userHoldsKey(showId, userId), 0, -1)).sort()).toEqual(
      [held.holdId, pending.holdId].sort(),
    );
    // The lock TTLs were kept, not renewed: the hold ends when it would have.
    const ttl = await lockTtlOf(redis(), showId, "A1");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(Date.parse(held.expiresAt) - Date.now() + 1000);

    // The seat map's `mine` follows: the account's, no longer the guest's.
    const asAccount = statesOf(
      (await (await laptop.call(`/api/v1/shows/${showId}/seatmap?holdId=${held.holdId}`)).json()) as never,
    );
    expect(asAccount.get("A1")).toEqual({ state: "HELD", mine: true });
    const guestMap = statesOf(
      (await (
        await call(`/api/v1/shows/${showId}/seatmap?holdId=${held.holdId}`, { headers: asGuest(guest) })
      ).json()) as never,
    );
    expect(guestMap.get("A1")).toEqual({ state: "HELD", mine: false });

    // The guest token cannot use it any more; the account can, and places the order.
    expect((await call(`/api/v1/holds/${held.holdId}`, { headers: asGuest(guest) })).status).toBe(404);
    const byGuest = await call("/api/v1/orders", {
      method: "POST",
      headers: asGuest(guest),
      json: { holdId: held.holdId, seatIds: ["A1", "A2"], customer },
    });
    expect(byGuest.status).toBe(404);
    expect((await laptop.call(`/api/v1/holds/${held.holdId}`)).status).toBe(200);
    const ordered = await laptop.call("/api/v1/orders", {
      method: "POST",
      json: { holdId: held.holdId, seatIds: ["A1", "A2"], customer },
    });
    expect(ordered.status).toBe(201);
    const mine = (await (await phone.call("/api/v1/orders")).json()) as { items: { orderId: string }[] };
    expect(mine.items.map((o) => o.orderId).sort()).toEqual(
      [pending.orderId, ((await ordered.json()) as { orderId: string }).orderId].sort(),
    );
  });

  it("two accounts claiming one guest token at once: the first takes its orders and holds, whole; the other is told", async () => {
    const guest = await newGuest();
    const showId = await createShow();
    const held = await holdAs(guest, showId, ["C1", "C2"]);
    const pending = await placeOrder(guest.userId, showId, ["D1"]);
    const [first, second] = [new Jar(), new Jar()];
    const [a, b] = [await signInByEmail(first, address("a")), await signInByEmail(second, address("b"))];
    const holdIds = [held.holdId, pending.holdId];
    const claims = await Promise.all([claim(first, guest, holdIds), claim(second, guest, holdIds)]);
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = claims[0]?.status === 200 ? { jar: first, ...a } : { jar: second, ...b };
    const loser = winner.jar === first ? second : first;
    const refusal = (await claims.find((r) => r.status === 409)?.json()) as { error: { code: string } };
    expect(refusal.error.code).toBe("GUEST_CLAIMED");

    // The hold, its locks and the order all name the winner: nothing split between the two.
    expect((await recordOf(showId, held.holdId))?.userId).toBe(winner.userId);
    expect((await recordOf(showId, pending.holdId))?.userId).toBe(winner.userId);
    const locks = await locksOf(showId);
    expect([locks.get("C1"), locks.get("C2"), locks.get("D1")]).toEqual([
      lockOwner(winner.userId, held.holdId),
      lockOwner(winner.userId, held.holdId),
      lockOwner(winner.userId, pending.holdId),
    ]);
    const ordersOf = async (jar: Jar) =>
      ((await (await jar.call("/api/v1/orders")).json()) as { items: { orderId: string }[] }).items.map(
        (o) => o.orderId,
      );
    expect(await ordersOf(winner.jar)).toEqual([pending.orderId]);
    expect(await ordersOf(loser)).toEqual([]);

    // Asked again, each gets the same answer: the winner moves nothing more, the other is refused again.
    expect((await claim(winner.jar, guest, holdIds)).status).toBe(200);
    expect((await claim(loser, guest, holdIds)).status).toBe(409);
  });

  it("never moves another guest's hold, even when its id is named", async () => {
    const [guest, other] = [await newGuest(), await newGuest()];
    const showId = await createShow();
    const theirs = await holdAs(other, showId, ["D1"]);
    const jar = new Jar();
    await signInByEmail(jar, address("thief"));
    const res = await claim(jar, guest, [theirs.holdId, "not-a-hold-id", theirs.holdId]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ movedOrders: 0, movedHolds: 0 });
    expect(await recordOf(showId, theirs.holdId)).toMatchObject({ userId: other.userId, status: "HELD" });
    expect((await locksOf(showId)).get("D1")).toBe(lockOwner(other.userId, theirs.holdId));
    expect((await call(`/api/v1/holds/${theirs.holdId}`, { headers: asGuest(other) })).status).toBe(200);
    expect((await jar.call(`/api/v1/holds/${theirs.holdId}`)).status).toBe(404);
  });

  it("does not bring an expired hold back: no lock, no seat, nothing to order", async () => {
    const guest = await newGuest();
    const showId = await createShow();
    const held = await withBindings({ HOLD_TTL_SECONDS: "1" }, () => holdAs(guest, showId, ["E1"]));
    await sleep(1_300);
    const jar = new Jar();
    const { userId } = await signInByEmail(jar, address("late"));
    const res = await claim(jar, guest, [held.holdId]);
    expect(await res.json()).toEqual({ movedOrders: 0, movedHolds: 0 });
    expect((await locksOf(showId)).has("E1")).toBe(false);
    expect((await recordOf(showId, held.holdId))?.userId).toBe(guest.userId);
    expect(await redis().zrange(userHoldsKey(showId, userId), 0, -1)).toEqual([]);
    expect(statesOf(await seatMap(showId, userId)).get("E1")).toEqual({ state: "AVAILABLE", mine: false });
    expect((await jar.call(`/api/v1/holds/${held.holdId}`)).status).toBe(404);
  });

  it("the held seats go on counting against the person's seat budget after sign-in", () =>
    withBindings({ SEAT_BUDGET_PER_PERSON: "20" }, async () => {
      const guest = await newGuest();
      const [first, second] = [await createShow(), await createShow()];
      const seats = (row: string) => Array.from({ length: 6 }, (_, i) => `${row}${i + 1}`);
      const holds = [await holdAs(guest, first, seats("C")), await holdAs(guest, second, seats("D"))];
      const jar = new Jar();
      const { userId } = await signInByEmail(jar, address("budget"));
      const claimed = await claim(
        jar,
        guest,
        holds.map((h) => h.holdId),
      );
      expect(claimed.status).toBe(200);
      expect(await redis().zcard(personBudgetKey(guest.userId))).toBe(0);
      expect(await redis().zcard(personBudgetKey(userId))).toBe(12);
      // 12 live seats and 10 more pass the person's 20: signing in freed no budget.
      const more = await jar.call("/api/v1/holds", { method: "POST", json: { showId: first, best: { quantity: 10 } } });
      expect(more.status).toBe(409);
      expect(await errorOf(more)).toMatchObject({ code: "SEAT_BUDGET", whose: "PERSON" });
      const fits = await jar.call("/api/v1/holds", { method: "POST", json: { showId: second, best: { quantity: 8 } } });
      expect(fits.status).toBe(201);
    }));

  it("a claim naming more holds than a browser can have is refused with 400, nothing moved", async () => {
    const guest = await newGuest();
    const jar = new Jar();
    await signInByEmail(jar, address("bounded"));
    const tooMany = Array.from({ length: 21 }, (_, i) => `h${i}`);
    expect((await claim(jar, guest, tooMany)).status).toBe(400);
  });
});
