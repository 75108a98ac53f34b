import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { configOf } from "../../src/env";
import { addressBudgetKey } from "../../src/seats/redis-contract";
import { seatBudgetOf } from "../../src/seats/use-cases/seat-budget";
import {
  cancelOrder,
  createShow,
  customer,
  type Hold,
  newUser,
  type Order,
  redis,
  seatMap,
  statesOf,
} from "./fixtures";
import { backendCalls, callSettled, errorOf, withBindings } from "./http";

/** A small address budget, so one hold spends it all; the person's is out of the way. */
const budgets = { SEAT_BUDGET_PER_PERSON: "40", SEAT_BUDGET_PER_ADDRESS: "10" };

let addresses = 0;
/** A client address of the test's own (the budgets are per address across every show). */
const newAddress = () => `198.51.100.${(addresses++ % 200) + 1}:${crypto.randomUUID().slice(0, 6)}`;

const from = (userId: string, address: string) => ({ "x-user-id": userId, "cf-connecting-ip": address });

async function bestHold(userId: string, address: string, showId: string, quantity: number) {
  return callSettled("/api/v1/holds", {
    method: "POST",
    headers: from(userId, address),
    json: { showId, best: { quantity } },
  });
}

async function held(userId: string, address: string, showId: string, quantity: number): Promise<Hold> {
  const res = await bestHold(userId, address, showId, quantity);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Hold;
}

/** The live entries of an address's budget (members `<holdId>|<seatId>` whose deadline is ahead). */
async function addressUse(address: string): Promise<number> {
  const key = addressBudgetKey((await seatBudgetOf(configOf(env), address)).addressTag);
  return (await redis().zrange(key, Date.now(), "+inf", { byScore: true })).length;
}

/** Two shows, and a person whose phone has two addresses (wifi, then mobile data). */
async function switcher() {
  const [first, second] = await Promise.all([createShow(), createShow()]);
  return { first, second, wifi: newAddress(), mobile: newAddress(), person: newUser("switcher") };
}

// A phone that switches from wifi to mobile data mid-purchase: the hold was charged to the first
// address's budget, and whatever the later request comes from must free exactly that one.
describe("a hold frees the address budget it was charged to, whichever address ends or changes it", () => {
  // The scripts loaded once, so the round trips counted below are the steady state.
  beforeAll(async () => {
    const showId = await createShow();
    const person = newUser("warm");
    const { holdId } = await held(person, newAddress(), showId, 1);
    const [seatId] = [...statesOf(await seatMap(showId)).entries()].find(([, s]) => s.state === "AVAILABLE") ?? [];
    const put = { method: "PUT", headers: from(person, newAddress()), json: { seatIds: [seatId], quantity: 1 } };
    await callSettled(`/api/v1/holds/${holdId}`, put);
    await callSettled(`/api/v1/holds/${holdId}`, { method: "DELETE", headers: from(person, newAddress()) });
  });

  it("released from another address: the first address's budget is free at once, the other's untouched", () =>
    withBindings(budgets, async () => {
      const { first, second, wifi, mobile, person } = await switcher();
      const hold = await held(person, wifi, first, 10);
      expect(await errorOf(await bestHold(newUser("neighbour"), wifi, second, 1))).toMatchObject({
        code: "SEAT_BUDGET",
        whose: "ADDRESS",
      });

      const released = await callSettled(`/api/v1/holds/${hold.holdId}`, {
        method: "DELETE",
        headers: from(person, mobile),
      });
      expect(released.status).toBe(204);
      expect(backendCalls(released).redis).toBe(1);
      expect(await addressUse(wifi)).toBe(0);
      expect(await addressUse(mobile)).toBe(0);
      await held(newUser("neighbour"), wifi, second, 10);
      await held(newUser("passer-by"), mobile, first, 10);
    }));

  it("changed from another address: the hold's new seats are charged to its first address, not the other", () =>
    withBindings(budgets, async () => {
      const { first, second, wifi, mobile, person } = await switcher();
      const hold = await held(person, wifi, first, 5);
      const free = [...statesOf(await seatMap(first)).entries()].filter(([, s]) => s.state === "AVAILABLE");
      const seatIds = free.slice(0, 8).map(([seatId]) => seatId);
      const changed = await callSettled(`/api/v1/holds/${hold.holdId}`, {
        method: "PUT",
        headers: from(person, mobile),
        json: { seatIds, quantity: seatIds.length },
      });
      expect(changed.status, await changed.clone().text()).toBe(200);
      expect(backendCalls(changed).redis).toBe(1);
      expect(await addressUse(wifi)).toBe(8);
      expect(await addressUse(mobile)).toBe(0);
      await held(newUser("passer-by"), mobile, second, 10);
      expect(await errorOf(await bestHold(newUser("neighbour"), wifi, second, 3))).toMatchObject({
        code: "SEAT_BUDGET",
        whose: "ADDRESS",
      });
      await held(newUser("neighbour"), wifi, second, 2);
    }));

  it("ordered and cancelled from another address: the order's seats leave the first address's budget", () =>
    withBindings(budgets, async () => {
      const { first, second, wifi, mobile, person } = await switcher();
      const { holdId, seatIds } = await held(person, wifi, first, 10);
      const ordered = await callSettled("/api/v1/orders", {
        method: "POST",
        headers: from(person, mobile),
        json: { holdId, seatIds, customer },
      });
      expect(ordered.status, await ordered.clone().text()).toBe(201);
      const order = (await ordered.json()) as Order;
      expect(await addressUse(wifi)).toBe(10);
      expect(await addressUse(mobile)).toBe(0);
      expect((await cancelOrder(person, order.orderId)).status).toBe(200);
      expect(await addressUse(wifi)).toBe(0);
      await held(newUser("neighbour"), wifi, second, 10);
    }));

  it("an Idempotency-Key retried from another address finds the first attempt's hold; its id with another budget tag is no hold", () =>
    withBindings(budgets, async () => {
      const showId = await createShow();
      const [wifi, mobile] = [newAddress(), newAddress()];
      const person = newUser("retrier");
      const attempt = (address: string) =>
        callSettled("/api/v1/holds", {
          method: "POST",
          headers: { ...from(person, address), "idempotency-key": "buy-once" },
          json: { showId, best: { quantity: 4 } },
        });
      const first = await attempt(wifi);
      expect(first.status).toBe(201);
      const hold = (await first.json()) as Hold;
      const retried = await attempt(mobile);
      expect(retried.status).toBe(200);
      expect(((await retried.json()) as Hold).holdId).toBe(hold.holdId);
      expect(await addressUse(wifi)).toBe(4);
      expect(await addressUse(mobile)).toBe(0);

      // The same record under the id's own part, but the tag names another budget: not this hold.
      const retagged = `${hold.holdId.slice(0, 38)}${"0".repeat(16)}`;
      const headers = from(person, mobile);
      expect((await callSettled(`/api/v1/holds/${retagged}`, { headers })).status).toBe(404);
      const put = { method: "PUT", headers, json: { seatIds: hold.seatIds, quantity: hold.seatIds.length } };
      expect((await callSettled(`/api/v1/holds/${retagged}`, put)).status).toBe(404);
      const order = { method: "POST", headers, json: { holdId: retagged, seatIds: hold.seatIds, customer } };
      expect((await callSettled("/api/v1/orders", order)).status).toBe(404);
      expect((await callSettled(`/api/v1/holds/${retagged}`, { method: "DELETE", headers })).status).toBe(404);
      expect(await addressUse(wifi)).toBe(4);
      expect((await callSettled(`/api/v1/holds/${hold.holdId}`, { headers })).status).toBe(200);
    }));
});
