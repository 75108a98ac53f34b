import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configOf } from "../../src/env";
import { addressBudgetKey, personBudgetKey } from "../../src/seats/redis-contract";
import { seatBudgetOf } from "../../src/seats/use-cases/seat-budget";
import { as, json, staff } from "./admin-helpers";
import {
  cancelOrder,
  createShow,
  customer,
  type Hold,
  locksOf,
  newUser,
  type Order,
  redis,
  runCron,
  setShowStatus,
} from "./fixtures";
import { backendCalls, callSettled, errorOf, withBindings } from "./http";
import { payAndRead } from "./payments";

/** The budgets as deployed (wrangler.toml): the suite's other tests run with them out of the way. */
const deployed = { SEAT_BUDGET_PER_PERSON: "20", SEAT_BUDGET_PER_ADDRESS: "40", GUEST_TOKENS_FREE_PER_HOUR: "10" };
const FREE_GUEST_TOKENS_PER_HOUR = 10;

let addresses = 0;
/** A client address of the test's own (the budgets are per address across every show). */
const newAddress = () => `203.0.113.${(addresses++ % 200) + 1}:${crypto.randomUUID().slice(0, 6)}`;

const bestHold = (userId: string, address: string, showId: string, quantity: number) =>
  callSettled("/api/v1/holds", {
    method: "POST",
    headers: { "x-user-id": userId, "cf-connecting-ip": address },
    json: { showId, best: { quantity } },
  });

async function heldSeats(showIds: string[]): Promise<number> {
  const locks = await Promise.all(showIds.map((id) => locksOf(id)));
  return locks.reduce((sum, l) => sum + l.size, 0);
}

describe("no seat spinning (the deployed budgets: 20 live seats a person, 40 an address)", () => {
  it("20 identities from one address, 10-seat holds on four shows at once, lock at most the address's budget; an honest buyer still gets seats", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow(), createShow()]);
      const address = newAddress();
      const bots = Array.from({ length: 20 }, () => newUser("bot"));
      const answers = await Promise.all(
        bots.flatMap((bot) => showIds.map((showId) => bestHold(bot, address, showId, 10))),
      );
      const held = answers.filter((r) => r.status === 201).length;
      expect(held).toBe(4); // 40 seats: the address's budget (SEAT_BUDGET_PER_ADDRESS)
      expect(await heldSeats(showIds)).toBe(40);
      const refused = answers.filter((r) => r.status === 409);
      expect(refused).toHaveLength(76);
      const reasons = await Promise.all(
        refused.map(async (r) => {
          const error = await errorOf(r);
          return { code: error.code, whose: String(error.whose) };
        }),
      );
      expect(reasons.every((e) => e.code === "SEAT_BUDGET")).toBe(true);
      expect(reasons.filter((e) => e.whose === "ADDRESS").length).toBeGreaterThan(0);

      const honest = await bestHold(newUser("family"), newAddress(), showIds[0] ?? "", 4);
      expect(honest.status).toBe(201);

      // A released hold gives its seats back to the budget at once.
      const first = (await (answers.find((r) => r.status === 201) as Response).json()) as Hold;
      const holder = (await locksOf(first.showId)).get(first.seatIds[0] ?? "")?.split(":")[0] ?? "";
      const released = await callSettled(`/api/v1/holds/${first.holdId}`, {
        method: "DELETE",
        headers: { "x-user-id": holder, "cf-connecting-ip": address },
      });
      expect(released.status).toBe(204);
      expect((await bestHold(newUser("bot"), address, showIds[3] ?? "", 10)).status).toBe(201);
    }));

  it("one person holds at most their own budget across shows, whatever the address", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow()]);
      const person = newUser("spinner");
      const statuses = [];
      for (const showId of showIds) statuses.push((await bestHold(person, newAddress(), showId, 10)).status);
      expect(statuses).toEqual([201, 201, 409]);
      const third = await bestHold(person, newAddress(), showIds[2] ?? "", 1);
      expect(await errorOf(third)).toMatchObject({ code: "SEAT_BUDGET", whose: "PERSON", limit: 20 });
    }));

  it("guest tokens from one address cost more in bulk: a doubling wait after the free ones", () =>
    withBindings(deployed, async () => {
      const address = newAddress();
      const guest = () =>
        callSettled("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": address } });
      for (let i = 0; i < FREE_GUEST_TOKENS_PER_HOUR; i++) expect((await guest()).status).toBe(201);
      const next = await guest();
      expect(next.status).toBe(429);
      expect(next.headers.get("retry-after")).toBe("1");
      await new Promise((r) => setTimeout(r, 1_100));
      expect((await guest()).status).toBe(201);
      const later = await guest();
      expect(later.status).toBe(429);
      expect(Number(later.headers.get("retry-after"))).toBe(2);
      // Another address is not slowed down.
      const elsewhere = await callSettled("/api/v1/auth/guest", {
        method: "POST",
        headers: { "cf-connecting-ip": newAddress() },
      });
      expect(elsewhere.status).toBe(201);
    }));

  it("staff see the refused attempts counted by reason", () =>
    withBindings(deployed, async () => {
      const s = await staff();
      const before = await json<{ counts: Record<string, number> }>(await as(s, "admin", "/refusals"), 200);
      const person = newUser("counted");
      const showIds = await Promise.all([createShow(), createShow(), createShow()]);
      for (const showId of showIds) await bestHold(person, newAddress(), showId, 10);
      const after = await json<{ counts: Record<string, number> }>(await as(s, "admin", "/refusals"), 200);
      expect(after.counts.SEAT_BUDGET_PERSON ?? 0).toBeGreaterThanOrEqual((before.counts.SEAT_BUDGET_PERSON ?? 0) + 1);
      expect((await as(s, "managerA", "/refusals")).status).toBe(403);
    }));
});

/** Holds `quantity` best seats from `address` and orders them from there: the order, PAYMENT_PENDING. */
async function orderFrom(userId: string, address: string, showId: string, quantity: number): Promise<Order> {
  const hold = await bestHold(userId, address, showId, quantity);
  expect(hold.status, await hold.clone().text()).toBe(201);
  const { holdId, seatIds } = (await hold.json()) as Hold;
  const res = await callSettled("/api/v1/orders", {
    method: "POST",
    headers: { "x-user-id": userId, "cf-connecting-ip": address },
    json: { holdId, seatIds, customer },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Order;
}

/** The live entries of a budget key (members `<holdId>|<seatId>` whose deadline is ahead). */
const liveEntries = async (key: string) => (await redis().zrange(key, Date.now(), "+inf", { byScore: true })).length;
const addressKeyOf = async (address: string) =>
  addressBudgetKey((await seatBudgetOf(configOf(env), address)).addressTag);

describe("a settled order gives its seats back to both budgets", () => {
  it("paid or cancelled, an order's seats leave its address's budget at once, not at its payment deadline", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow(), createShow(), createShow()]);
      const address = newAddress();
      const [paid, cancelled, third, fourth] = [newUser("a"), newUser("b"), newUser("c"), newUser("d")];
      const paidOrder = await orderFrom(paid, address, showIds[0] ?? "", 10);
      const cancelledOrder = await orderFrom(cancelled, address, showIds[1] ?? "", 10);
      await orderFrom(third, address, showIds[2] ?? "", 10);
      await orderFrom(fourth, address, showIds[3] ?? "", 10);
      // 40 live seats: the address's budget is spent.
      const full = await bestHold(newUser("e"), address, showIds[4] ?? "", 10);
      expect(await errorOf(full)).toMatchObject({ code: "SEAT_BUDGET", whose: "ADDRESS", limit: 40 });

      expect((await payAndRead(paid, paidOrder.orderId)).status).toBe("CONFIRMED");
      expect(await liveEntries(await addressKeyOf(address))).toBe(30);
      const afterPaid = await bestHold(newUser("f"), address, showIds[4] ?? "", 10);
      expect(afterPaid.status).toBe(201);
      // The hold script stays one Redis call.
      expect(backendCalls(afterPaid).redis).toBe(1);

      expect((await cancelOrder(cancelled, cancelledOrder.orderId)).status).toBe(200);
      expect(await liveEntries(await addressKeyOf(address))).toBe(30);
      expect(await liveEntries(personBudgetKey(cancelled))).toBe(0);
      expect((await bestHold(newUser("g"), address, showIds[4] ?? "", 10)).status).toBe(201);
    }));

  it("an order refused after its claim (the show closed meanwhile) gives the claim's seats back to both budgets", () =>
    withBindings(deployed, async () => {
      const [closing, other] = await Promise.all([createShow(), createShow()]);
      const address = newAddress();
      const person = newUser("closed-out");
      const hold = await bestHold(person, address, closing, 10);
      expect(hold.status).toBe(201);
      const { holdId, seatIds } = (await hold.json()) as Hold;
      await setShowStatus(closing, "CANCELLED");
      const refused = await callSettled("/api/v1/orders", {
        method: "POST",
        headers: { "x-user-id": person, "cf-connecting-ip": address },
        json: { holdId, seatIds, customer },
      });
      expect((await errorOf(refused)).code).toBe("SHOW_CLOSED");
      // The claim dated the entries to a payment deadline; released, they are gone, not left to lapse.
      expect(await liveEntries(personBudgetKey(person))).toBe(0);
      expect(await liveEntries(await addressKeyOf(address))).toBe(0);
      expect((await bestHold(person, address, other, 10)).status).toBe(201);
      expect((await bestHold(person, address, other, 10)).status).toBe(201);
    }));

  it("the cron charges a pending order's seats again when Redis lost its budget entries, and frees those a lost settle left", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow()]);
      const address = newAddress();
      const addressKey = await addressKeyOf(address);
      const person = newUser("repaired");
      const pending = await orderFrom(person, address, showIds[0] ?? "", 10);
      // Redis loses the budgets (eviction, a failover): without a repair the person's seats go uncounted.
      await redis().del(personBudgetKey(person), addressKey);
      await runCron();
      expect(await liveEntries(personBudgetKey(person))).toBe(10);
      expect(await liveEntries(addressKey)).toBe(10);
      expect((await bestHold(person, address, showIds[1] ?? "", 10)).status).toBe(201);
      const over = await bestHold(person, address, showIds[2] ?? "", 1);
      expect(await errorOf(over)).toMatchObject({ code: "SEAT_BUDGET", whose: "PERSON" });

      // Paid, but the settle never reached Redis: its budget entries stand as they were before it.
      const entries = await redis().zrange(personBudgetKey(person), 0, -1, { withScores: true });
      expect((await payAndRead(person, pending.orderId)).status).toBe("CONFIRMED");
      expect(await liveEntries(personBudgetKey(person))).toBe(10);
      const lost = entries.flatMap((entry, i) =>
        i % 2 === 0 ? [{ member: String(entry), score: Number(entries[i + 1]) }] : [],
      );
      const paidEntries = lost.filter((e) => e.member.startsWith(`${pending.holdId}|`));
      expect(paidEntries).toHaveLength(10);
      const [first, ...rest] = paidEntries;
      if (!first) throw new Error("no entries");
      await redis().zadd(personBudgetKey(person), first, ...rest);
      await redis().zadd(addressKey, first, ...rest);
      expect(await liveEntries(personBudgetKey(person))).toBe(20);
      await runCron();
      expect(await liveEntries(personBudgetKey(person))).toBe(10);
      expect(await liveEntries(addressKey)).toBe(10);
      expect((await bestHold(person, address, showIds[2] ?? "", 10)).status).toBe(201);
    }));
});
