import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configOf } from "../../src/env";
import { importVerifyKeys, type PublicTicketKey, verifyTicket } from "../../src/shared/ticket-token";
import { asUser, cancelOrder, createShow, newUser, placeOrder } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";
import { payOrder } from "./payments";

interface TicketBody {
  token: string;
  ticketCode: string;
  keyId: number;
}

const getTicket = (userId: string, orderId: string) =>
  call(`/api/v1/orders/${orderId}/ticket`, { headers: asUser(userId) });

async function doorKeys() {
  const res = await call("/api/v1/door/keys");
  expect(res.status).toBe(200);
  return (await res.json()) as { keys: PublicTicketKey[] };
}

/** A confirmed order of a new user on a show of its own. */
async function confirmedOrder(seats = ["C4", "C5", "D1"]) {
  const userId = newUser("door");
  const showId = await createShow();
  const order = await placeOrder(userId, showId, seats);
  expect((await payOrder(userId, order.orderId)).webhook.status).toBe(200);
  return { userId, showId, orderId: order.orderId };
}

describe("signed tickets", () => {
  it("issues a confirmed order's token, which the published keys verify to its order, show and seats", async () => {
    const { userId, showId, orderId } = await confirmedOrder();
    const res = await getTicket(userId, orderId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(backendCalls(res)).toEqual({ db: 1, redis: 0, queue: 0 });
    const body = (await res.json()) as TicketBody;
    expect(body.ticketCode).toMatch(/^BMS[0-9A-F]{8}$/);
    expect(body.keyId).toBe(1);

    const { keys } = await doorKeys();
    // The signing key, and the retired, expired key the check-in tests need (test/global-setup.ts).
    expect(keys).toEqual([
      { kid: "1", kty: "OKP", crv: "Ed25519", x: expect.stringMatching(/^[\w-]{43}$/), notAfter: expect.any(String) },
      { kid: "2", kty: "OKP", crv: "Ed25519", x: expect.stringMatching(/^[\w-]{43}$/), notAfter: expect.any(String) },
    ]);
    // The private half is never published.
    expect(JSON.stringify(keys)).not.toContain('"d"');
    const verdict = await verifyTicket(await importVerifyKeys(keys), body.token, new Date());
    expect(verdict).toEqual({
      outcome: "VALID",
      keyId: 1,
      ticket: {
        orderId,
        showId,
        version: expect.any(Number),
        ticketCode: body.ticketCode,
        holder: "Asha Rao",
        seatIds: ["C4", "C5", "D1"],
      },
    });
  });

  it("gives the same token on every call (deterministic signatures): the page and the email agree", async () => {
    const { userId, orderId } = await confirmedOrder(["A1"]);
    const [a, b] = await Promise.all([getTicket(userId, orderId), getTicket(userId, orderId)]);
    expect(((await a.json()) as TicketBody).token).toBe(((await b.json()) as TicketBody).token);
  });

  it("has no ticket for an unpaid or a cancelled order (409 NO_TICKET with its status)", async () => {
    const userId = newUser("door");
    const order = await placeOrder(userId, await createShow(), ["B2"]);
    const unpaid = await getTicket(userId, order.orderId);
    expect(unpaid.status).toBe(409);
    expect(await errorOf(unpaid)).toMatchObject({ code: "NO_TICKET", status: "PAYMENT_PENDING" });

    const paid = await confirmedOrder(["B3"]);
    expect((await cancelOrder(paid.userId, paid.orderId)).status).toBe(200);
    const cancelled = await getTicket(paid.userId, paid.orderId);
    expect(cancelled.status).toBe(409);
    expect(await errorOf(cancelled)).toMatchObject({ code: "NO_TICKET", status: "CANCELLED" });
  });

  it("never shows someone else's ticket, nor one of an unknown order (404), and needs an identity (401)", async () => {
    const { orderId } = await confirmedOrder(["E7"]);
    const stranger = await getTicket(newUser("stranger"), orderId);
    expect(stranger.status).toBe(404);
    expect((await errorOf(stranger)).code).toBe("ORDER_NOT_FOUND");
    expect((await getTicket(newUser(), crypto.randomUUID())).status).toBe(404);
    expect((await getTicket(newUser(), "not-a-uuid")).status).toBe(400);
    expect((await call(`/api/v1/orders/${orderId}/ticket`)).status).toBe(401);
  });

  it("publishes the keys with a cache lifetime and declares both routes in OpenAPI", async () => {
    const res = await call("/api/v1/door/keys");
    expect(res.headers.get("cache-control")).toContain("max-age=300");
    expect(backendCalls(res)).toEqual({ db: 0, redis: 0, queue: 0 });
    const doc = (await (await call("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths["/api/v1/orders/{orderId}/ticket"]?.get?.responses ?? {}).sort()).toEqual(
      ["200", "400", "401", "404", "409", "500", "503"].sort(),
    );
    expect(doc.paths["/api/v1/door/keys"]?.get).toBeDefined();
    // The worker under test really has its signing keys from the environment, not from git.
    expect(configOf(env).TICKET_SIGNING_KEYS).toContain('"d"');
  });
});
