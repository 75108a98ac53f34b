import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { holdKey } from "../../src/seats/redis-contract";
import { createShow, type Hold, newUser, type Order, redis, type SeatMapBody, statesOf } from "../integration/fixtures";
import { call, errorOf } from "../integration/http";
import { lockOwnerOf } from "../support/seat-locks";

/**
 * AUTH_MODE=jwt (production): `x-user-id` identifies no one. Alone it is refused on every user
 * endpoint, even when it names the real owner of the hold or order; beside a valid Bearer it is
 * ignored and the token's `sub` is the caller.
 */

const SECRET = new TextEncoder().encode("test-secret-test-secret-test-secret");

const tokenFor = (sub: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer("housefull")
    .setAudience("housefull-api")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(SECRET);

let ip = 0;
async function guest(): Promise<{ token: string; userId: string }> {
  // A client address of its own: the guest budget (20/min per address) is shared with other files.
  const res = await call("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": `10.77.0.${ip++}` } });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; userId: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const customer = { name: "Asha Rao", email: "asha.rao@example.com", phone: "+91 98765 43210" };

describe("AUTH_MODE=jwt: x-user-id alone is never an identity", () => {
  let owner: { token: string; userId: string };
  let showId: string;
  let holdId: string;
  let order: Order;

  beforeAll(async () => {
    owner = await guest();
    showId = await createShow();
    const held = await call("/api/v1/holds", {
      method: "POST",
      headers: bearer(owner.token),
      json: { showId, seatIds: ["A1"], quantity: 1 },
    });
    expect(held.status).toBe(201);
    holdId = ((await held.json()) as Hold).holdId;
    const second = await call("/api/v1/holds", {
      method: "POST",
      headers: bearer(owner.token),
      json: { showId, seatIds: ["B1"], quantity: 1 },
    });
    const placed = await call("/api/v1/orders", {
      method: "POST",
      headers: bearer(owner.token),
      json: { holdId: ((await second.json()) as Hold).holdId, customer },
    });
    expect(placed.status).toBe(201);
    order = (await placed.json()) as Order;
  });

  const endpoints = (): [string, string, unknown][] => [
    ["POST", "/api/v1/holds", { showId, seatIds: ["C1"], quantity: 1 }],
    ["GET", `/api/v1/holds/${holdId}`, undefined],
    ["PUT", `/api/v1/holds/${holdId}`, { seatIds: ["C2"], quantity: 1 }],
    ["DELETE", `/api/v1/holds/${holdId}`, undefined],
    ["POST", "/api/v1/orders", { holdId, customer }],
    ["GET", "/api/v1/orders", undefined],
    ["GET", `/api/v1/orders/${order.orderId}`, undefined],
    ["POST", `/api/v1/orders/${order.orderId}/confirm-payment`, undefined],
    ["POST", `/api/v1/orders/${order.orderId}/payment`, undefined],
    ["POST", `/api/v1/orders/${order.orderId}/cancel`, undefined],
  ];

  it.each([
    ["the owner's own user id", () => owner.userId],
    ["a made-up user id", () => newUser("forger")],
  ])("x-user-id with %s → 401 on every user endpoint, and nothing changes", async (_, idOf) => {
    const hold = await redis().get(holdKey(showId, holdId));
    for (const [method, path, json] of endpoints()) {
      const res = await call(path, { method, headers: { "x-user-id": idOf() }, json });
      const where = `${method} ${path}`;
      expect(res.status, where).toBe(401);
      const error = await errorOf(res);
      expect(error.code, where).toBe("UNAUTHENTICATED");
      expect(res.headers.get("www-authenticate"), where).toContain("Bearer");
    }
    // The owner's hold and order are exactly as they were.
    expect(await redis().get(holdKey(showId, holdId))).toBe(hold);
    const mine = await call(`/api/v1/orders/${order.orderId}`, { headers: bearer(owner.token) });
    expect(((await mine.json()) as Order).status).toBe("PAYMENT_PENDING");
    expect(await lockOwnerOf(redis(), showId, "C1")).toBeNull();
  });

  it("the seat map does not mark anyone's seats as 'mine' on the strength of x-user-id", async () => {
    const res = await call(`/api/v1/shows/${showId}/seatmap`, { headers: { "x-user-id": owner.userId } });
    if (res.status === 200) {
      const states = statesOf((await res.json()) as SeatMapBody);
      expect([...states.values()].some((s) => s.mine)).toBe(false);
    } else {
      expect(res.status).toBe(401);
    }
  });
});

describe("AUTH_MODE=jwt: x-user-id beside a valid Bearer is ignored", () => {
  it("the hold belongs to the token's sub, not to the x-user-id", async () => {
    const caller = await guest();
    const victim = newUser("victim");
    const showId = await createShow();
    const res = await call("/api/v1/holds", {
      method: "POST",
      headers: { ...bearer(caller.token), "x-user-id": victim },
      json: { showId, seatIds: ["D4"], quantity: 1 },
    });
    expect(res.status).toBe(201);
    const { holdId } = (await res.json()) as Hold;

    // Redis records the token's subject as the owner…
    const record = JSON.parse((await redis().get<string>(holdKey(showId, holdId)))!) as { userId: string };
    expect(record.userId).toBe(caller.userId);
    expect(await lockOwnerOf(redis(), showId, "D4")).toBe(`${caller.userId}:${holdId}`);
    // …the caller can read it (with or without the stray header)…
    expect((await call(`/api/v1/holds/${holdId}`, { headers: bearer(caller.token) })).status).toBe(200);
    expect(
      (await call(`/api/v1/holds/${holdId}`, { headers: { ...bearer(caller.token), "x-user-id": victim } })).status,
    ).toBe(200);
    // …and the user named in x-user-id, signed in for real, cannot.
    const asVictim = await call(`/api/v1/holds/${holdId}`, { headers: bearer(await tokenFor(victim)) });
    expect(asVictim.status).toBe(404);
    const seatMap = (await (
      await call(`/api/v1/shows/${showId}/seatmap?holdId=${holdId}`, {
        headers: { ...bearer(caller.token), "x-user-id": victim },
      })
    ).json()) as SeatMapBody;
    expect(statesOf(seatMap).get("D4")).toEqual({ state: "HELD", mine: true });
  });

  it("orders too: created for, listed for and confirmable by the token's sub only", async () => {
    const caller = await guest();
    const victim = newUser("victim");
    const showId = await createShow();
    const both = (token: string) => ({ ...bearer(token), "x-user-id": victim });
    const held = await call("/api/v1/holds", {
      method: "POST",
      headers: both(caller.token),
      json: { showId, seatIds: ["E1"], quantity: 1 },
    });
    const { holdId } = (await held.json()) as Hold;
    const placed = await call("/api/v1/orders", {
      method: "POST",
      headers: both(caller.token),
      json: { holdId, customer },
    });
    expect(placed.status).toBe(201);
    const { orderId } = (await placed.json()) as Order;
    const victimToken = await tokenFor(victim);
    expect((await call(`/api/v1/orders/${orderId}`, { headers: bearer(victimToken) })).status).toBe(404);
    const victimList = (await (await call("/api/v1/orders", { headers: bearer(victimToken) })).json()) as {
      items: unknown[];
    };
    expect(victimList.items).toEqual([]);
    // The caller's own order is theirs to pay (the provider's webhook, not the caller, confirms it).
    const started = await call(`/api/v1/orders/${orderId}/payment`, { method: "POST", headers: both(caller.token) });
    expect(started.status).toBe(200);
  });
});
