import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderSeats, orders } from "../../src/db/schema";
import { dropLock, lockTtlOf } from "../support/seat-locks";
import * as fixtures from "./fixtures";
import { backendCalls, call, errorOf } from "./http";
import { deliver, orderOf, payOrder, startPayment } from "./payments";

const holdOf = async (res: Response) => {
  expect(res.status).toBe(201);
  return (await res.json()) as fixtures.Hold;
};

const orderSeatsOf = async (orderId: string) =>
  (
    await fixtures
      .db()
      .select({ seatId: orderSeats.seatId })
      .from(orderSeats)
      .where(eq(orderSeats.orderId, orderId))
      .orderBy(orderSeats.seatId)
  ).map((r) => r.seatId);
const ordersOfHold = (holdId: string) => fixtures.db().$count(orders, eq(orders.holdId, holdId));

describe("POST /orders", () => {
  it("turns the caller's hold into a PAYMENT_PENDING order priced by the server, seats locked for the payment window", async () => {
    const showId = await fixtures.createShow({ price: "180.00" });
    const user = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(user, showId, ["C1", "C2", "C3"]));
    const before = Date.now();
    const res = await fixtures.postOrder(user, hold.holdId);
    expect(res.status).toBe(201);
    const order = (await res.json()) as fixtures.Order;
    expect(res.headers.get("location")).toBe(`/api/v1/orders/${order.orderId}`);
    expect(order).toMatchObject({
      status: "PAYMENT_PENDING",
      holdId: hold.holdId,
      seatIds: ["C1", "C2", "C3"],
      amount: "540.00",
      ticketCode: null,
      customer: { name: "Asha Rao", email: "asha.rao@example.com", phone: "+919876543210" },
      cancellable: true,
    });
    const window = Number(env.PAYMENT_WINDOW_SECONDS) * 1000;
    expect(new Date(order.expiresAt).getTime()).toBeGreaterThanOrEqual(before + window - 1000);
    expect(await orderSeatsOf(order.orderId)).toEqual(["C1", "C2", "C3"]);
    expect(await lockTtlOf(fixtures.redis(), showId, "C1")).toBeGreaterThan(window - 5_000);
    const held = (await (await fixtures.getHold(user, hold.holdId)).json()) as fixtures.Hold;
    expect(held.status).toBe("ORDERED");
    // An ordered hold can no longer be changed or released: the order owns the seats now.
    expect((await fixtures.putHold(user, hold.holdId, ["C4"])).status).toBe(409);
    expect(
      (await call(`/api/v1/holds/${hold.holdId}`, { method: "DELETE", headers: fixtures.asUser(user) })).status,
    ).toBe(409);
  });

  it("costs one Redis call and one database call on a warm show", async () => {
    const showId = await fixtures.createShow();
    await fixtures.placeOrder(fixtures.newUser(), showId, ["A1"]); // warms the show cache and the script
    const user = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(user, showId, ["A2"]));
    const res = await fixtures.postOrder(user, hold.holdId, fixtures.customer, hold.seatIds);
    expect(res.status).toBe(201);
    expect(backendCalls(res)).toEqual({ db: 1, redis: 1, queue: 0 });
  });

  it("prices seats by category in a large hall", async () => {
    const showId = await fixtures.createShow({ largeHall: true, price: "200.00" });
    const map = await fixtures.seatMap(showId);
    const last = map.rows[map.rows.length - 1]?.seats.find((s) => s)?.seatId as string;
    const first = map.rows[0]?.seats.find((s) => s)?.seatId as string;
    const user = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(user, showId, [first, last]));
    const order = (await (await fixtures.postOrder(user, hold.holdId)).json()) as fixtures.Order;
    expect(order.amount).toBe(hold.amount);
    expect(Number(order.amount)).toBeGreaterThan(400);
  });

  it("gives the same order for the same hold, even when the requests race", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(user, showId, ["D1", "D2"]));
    const responses = await Promise.all([1, 2, 3, 4].map(() => fixtures.postOrder(user, hold.holdId)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as fixtures.Order).orderId)));
    expect(ids.size).toBe(1);
    expect(await ordersOfHold(hold.holdId)).toBe(1);
  });

  it("404 for someone else's or an unknown hold; 400 for invalid customer details; 401 without identity", async () => {
    const showId = await fixtures.createShow();
    const owner = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(owner, showId, ["E1"]));
    const stolen = await fixtures.postOrder(fixtures.newUser(), hold.holdId);
    expect(stolen.status).toBe(404);
    expect((await errorOf(stolen)).code).toBe("HOLD_NOT_FOUND");
    expect(((await (await fixtures.getHold(owner, hold.holdId)).json()) as fixtures.Hold).status).toBe("HELD");

    for (const who of [
      { ...fixtures.customer, email: "not-an-email" },
      { ...fixtures.customer, phone: "12" },
      { ...fixtures.customer, phone: "call me maybe" },
      { ...fixtures.customer, name: "A" },
      { name: fixtures.customer.name, email: fixtures.customer.email },
    ]) {
      const res = await fixtures.postOrder(owner, hold.holdId, who as typeof fixtures.customer);
      expect(res.status, JSON.stringify(who)).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
    }
    expect((await fixtures.postOrder(owner, "not-a-hold")).status).toBe(400);
    expect(
      (await call("/api/v1/orders", { method: "POST", json: { holdId: hold.holdId, customer: fixtures.customer } }))
        .status,
    ).toBe(401);
    expect(((await (await fixtures.getHold(owner, hold.holdId)).json()) as fixtures.Hold).status).toBe("HELD");
  });

  it("409 and nothing written when Postgres already sold a seat (Redis had lost it); the dead hold is released", async () => {
    const showId = await fixtures.createShow();
    const first = await fixtures.placeOrder(fixtures.newUser(), showId, ["F1"]);
    // Redis forgets the first order's lock, so a second customer can hold F1 …
    await dropLock(fixtures.redis(), showId, "F1");
    const user = fixtures.newUser();
    const hold = await holdOf(await fixtures.postHold(user, showId, ["F1", "F2"]));
    // … but the order_seats primary key refuses to sell it twice.
    const res = await fixtures.postOrder(user, hold.holdId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("SEAT_TAKEN");
    expect(await ordersOfHold(hold.holdId)).toBe(0);
    expect(await orderSeatsOf(first.orderId)).toEqual(["F1"]);
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("F2")?.state).toBe("AVAILABLE");
    expect((await fixtures.getHold(user, hold.holdId)).status).toBe(404);
  });
});

describe("GET /orders and /orders/{id}", () => {
  it("lists the caller's orders newest first, paginated; one order with show, movie and theatre; others' are 404", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const a = await fixtures.placeOrder(user, showId, ["G1"]);
    const b = await fixtures.placeOrder(user, showId, ["G2"]);
    const other = await fixtures.placeOrder(fixtures.newUser(), showId, ["G3"]);

    const list = await call("/api/v1/orders?pageSize=1", { headers: fixtures.asUser(user) });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: fixtures.Order[]; total: number; totalPages: number };
    expect(page.total).toBe(2);
    expect(page.totalPages).toBe(2);
    expect(page.items.map((o) => o.orderId)).toEqual([b.orderId]);
    const page2 = (await (
      await call("/api/v1/orders?pageSize=1&page=2", { headers: fixtures.asUser(user) })
    ).json()) as {
      items: fixtures.Order[];
    };
    expect(page2.items.map((o) => o.orderId)).toEqual([a.orderId]);

    const one = await call(`/api/v1/orders/${a.orderId}`, { headers: fixtures.asUser(user) });
    expect(one.status).toBe(200);
    const detail = (await one.json()) as fixtures.Order;
    expect(detail.show.id).toBe(showId);
    expect(detail.show.movie.title.length).toBeGreaterThan(0);
    expect(detail.show.theatre.name.length).toBeGreaterThan(0);

    expect((await call(`/api/v1/orders/${other.orderId}`, { headers: fixtures.asUser(user) })).status).toBe(404);
    expect((await call("/api/v1/orders/not-a-uuid", { headers: fixtures.asUser(user) })).status).toBe(400);
    expect((await call("/api/v1/orders")).status).toBe(401);
  });
});

describe("paying: POST /orders/{id}/payment, then the provider's webhook", () => {
  it("confirms with a ticket code, books the seats, queues one email; a repeat delivery changes nothing", async () => {
    const showId = await fixtures.createShow();
    const warm = fixtures.newUser();
    await payOrder(warm, (await fixtures.placeOrder(warm, showId, ["H9"])).orderId); // loads scripts: counts below are steady state

    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["H1", "H2"]);
    const { webhook, event } = await payOrder(user, order.orderId);
    expect(webhook.status).toBe(200);
    // The session from the provider, then one transaction (seen? confirm + record the event, the
    // order); the email is queued before the answer, Redis hears of the sold seats after it.
    expect(backendCalls(webhook)).toEqual({ db: 1, redis: 0, queue: 1, payments: 1 });
    const confirmed = (await orderOf(user, order.orderId)) as fixtures.Order & { confirmedAt: string };
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.ticketCode).toMatch(/^BMS[0-9A-F]{8}$/);
    expect(confirmed.confirmedAt).toBeTruthy();
    const states = fixtures.statesOf(await fixtures.seatMap(showId));
    expect(states.get("H1")?.state).toBe("BOOKED");
    expect(await fixtures.redis().sismember(`booked:{${showId}}`, "H2")).toBe(1);

    const again = await deliver(event.id);
    expect(again.status).toBe(200);
    expect((await orderOf(user, order.orderId)).ticketCode).toBe(confirmed.ticketCode);
    expect(backendCalls(again)).toEqual({ db: 1, redis: 0, queue: 0, payments: 1 });
    // The old confirm route is a status read now: the confirmed order, nothing changed.
    const read = await fixtures.confirmPaymentRoute(user, order.orderId);
    expect(read.status).toBe(200);
    expect(((await read.json()) as fixtures.Order).ticketCode).toBe(confirmed.ticketCode);

    // Booked seats cannot be held by anyone.
    const late = await fixtures.postHold(fixtures.newUser(), showId, ["H1"]);
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({ code: "SEAT_TAKEN", seats: ["H1"] });
  });

  it("404 for someone else's order, 410 once the payment window has passed", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["I1"]);
    expect((await startPayment(fixtures.newUser(), order.orderId)).status).toBe(404);
    expect((await fixtures.confirmPaymentRoute(fixtures.newUser(), order.orderId)).status).toBe(404);
    await fixtures
      .db()
      .execute(sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE order_id = ${order.orderId}`);
    const late = await startPayment(user, order.orderId);
    expect(late.status).toBe(410);
    expect((await errorOf(late)).code).toBe("ORDER_EXPIRED");
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("I1")?.state).not.toBe("BOOKED");
  });
});

describe("POST /orders/{id}/cancel", () => {
  it("cancels an unpaid order and frees its seats at once", async () => {
    const showId = await fixtures.createShow();
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["J1", "J2"]);
    const res = await fixtures.cancelOrder(user, order.orderId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as fixtures.Order).status).toBe("CANCELLED");
    expect(backendCalls(res).queue).toBe(0);
    expect(await orderSeatsOf(order.orderId)).toEqual([]);
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("J1")?.state).toBe("AVAILABLE");
    expect((await fixtures.postHold(fixtures.newUser(), showId, ["J1", "J2"])).status).toBe(201);
    expect((await fixtures.cancelOrder(user, order.orderId)).status).toBe(200);
    expect((await startPayment(user, order.orderId)).status).toBe(409);
  });

  it("cancels a paid booking where the theatre allows it, well before the show; emails the customer", async () => {
    const showId = await fixtures.createShow({ startsInMs: 2 * 86_400_000 });
    const user = fixtures.newUser();
    const order = await fixtures.placeOrder(user, showId, ["B7"]);
    await payOrder(user, order.orderId);
    const res = await fixtures.cancelOrder(user, order.orderId);
    expect(res.status).toBe(200);
    expect(backendCalls(res).queue).toBe(1);
    // The refund, through the provider's Refund API (README: Payments).
    expect(backendCalls(res).payments).toBe(1);
    expect(
      ((await res.json()) as fixtures.Order & { refund: { status: string; amount: string } }).refund,
    ).toMatchObject({
      status: "pending",
      amount: "200.00",
    });
    expect(fixtures.statesOf(await fixtures.seatMap(showId)).get("B7")?.state).toBe("AVAILABLE");
    expect(await orderSeatsOf(order.orderId)).toEqual([]);
  });

  it("refuses a paid booking at a theatre without cancellations, or too close to the show (409, nothing changed)", async () => {
    const strict = await fixtures.createShow({ cancellationAvailable: false });
    const user = fixtures.newUser();
    const a = await fixtures.placeOrder(user, strict, ["B8"]);
    await payOrder(user, a.orderId);
    const refused = await fixtures.cancelOrder(user, a.orderId);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: "NOT_CANCELLABLE", status: "CONFIRMED" });
    expect(fixtures.statesOf(await fixtures.seatMap(strict)).get("B8")?.state).toBe("BOOKED");

    const soon = await fixtures.createShow({ startsInMs: 30 * 60_000 });
    const b = await fixtures.placeOrder(user, soon, ["B9"]);
    await payOrder(user, b.orderId);
    const tooLate = await fixtures.cancelOrder(user, b.orderId);
    expect(tooLate.status).toBe(409);
    expect((await errorOf(tooLate)).message).toMatch(/minutes before the show/);
    expect(await orderSeatsOf(b.orderId)).toEqual(["B9"]);
    expect((await fixtures.cancelOrder(fixtures.newUser(), b.orderId)).status).toBe(404);
  });
});
