import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderSeats, orders } from "../../src/db/schema";
import {
  asUser,
  cancelOrder,
  confirmPaymentRoute,
  createShow,
  customer,
  db,
  getHold,
  type Hold,
  newUser,
  type Order,
  placeOrder,
  postHold,
  postOrder,
  putHold,
  redis,
  seatMap,
  statesOf,
} from "./fixtures";
import { backendCalls, call, errorOf } from "./http";
import { deliver, orderOf, payOrder, startPayment } from "./payments";

const holdOf = async (res: Response) => {
  expect(res.status).toBe(201);
  return (await res.json()) as Hold;
};

const orderSeatsOf = async (orderId: string) =>
  (
    await db()
      .select({ seatId: orderSeats.seatId })
      .from(orderSeats)
      .where(eq(orderSeats.orderId, orderId))
      .orderBy(orderSeats.seatId)
  ).map((r) => r.seatId);
const ordersOfHold = (holdId: string) => db().$count(orders, eq(orders.holdId, holdId));

describe("POST /orders", () => {
  it("turns the caller's hold into a PAYMENT_PENDING order priced by the server, seats locked for the payment window", async () => {
    const showId = await createShow({ price: "180.00" });
    const user = newUser();
    const hold = await holdOf(await postHold(user, showId, ["C1", "C2", "C3"]));
    const before = Date.now();
    const res = await postOrder(user, hold.holdId);
    expect(res.status).toBe(201);
    const order = (await res.json()) as Order;
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
    expect(await redis().pttl(`seat_lock:{${showId}}:C1`)).toBeGreaterThan(window - 5_000);
    const held = (await (await getHold(user, hold.holdId)).json()) as Hold;
    expect(held.status).toBe("ORDERED");
    // An ordered hold can no longer be changed or released: the order owns the seats now.
    expect((await putHold(user, hold.holdId, ["C4"])).status).toBe(409);
    expect((await call(`/api/v1/holds/${hold.holdId}`, { method: "DELETE", headers: asUser(user) })).status).toBe(409);
  });

  it("costs one Redis call and one database call on a warm show", async () => {
    const showId = await createShow();
    await placeOrder(newUser(), showId, ["A1"]); // warms the show cache and the script
    const user = newUser();
    const hold = await holdOf(await postHold(user, showId, ["A2"]));
    const res = await postOrder(user, hold.holdId, customer, hold.seatIds);
    expect(res.status).toBe(201);
    expect(backendCalls(res)).toEqual({ db: 1, redis: 1, queue: 0 });
  });

  it("prices seats by category in a large hall", async () => {
    const showId = await createShow({ largeHall: true, price: "200.00" });
    const map = await seatMap(showId);
    const last = map.rows[map.rows.length - 1]?.seats.find((s) => s)?.seatId as string;
    const first = map.rows[0]?.seats.find((s) => s)?.seatId as string;
    const user = newUser();
    const hold = await holdOf(await postHold(user, showId, [first, last]));
    const order = (await (await postOrder(user, hold.holdId)).json()) as Order;
    expect(order.amount).toBe(hold.amount);
    expect(Number(order.amount)).toBeGreaterThan(400);
  });

  it("gives the same order for the same hold, even when the requests race", async () => {
    const showId = await createShow();
    const user = newUser();
    const hold = await holdOf(await postHold(user, showId, ["D1", "D2"]));
    const responses = await Promise.all([1, 2, 3, 4].map(() => postOrder(user, hold.holdId)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Order).orderId)));
    expect(ids.size).toBe(1);
    expect(await ordersOfHold(hold.holdId)).toBe(1);
  });

  it("404 for someone else's or an unknown hold; 400 for invalid customer details; 401 without identity", async () => {
    const showId = await createShow();
    const owner = newUser();
    const hold = await holdOf(await postHold(owner, showId, ["E1"]));
    const stolen = await postOrder(newUser(), hold.holdId);
    expect(stolen.status).toBe(404);
    expect((await errorOf(stolen)).code).toBe("HOLD_NOT_FOUND");
    expect(((await (await getHold(owner, hold.holdId)).json()) as Hold).status).toBe("HELD");

    for (const who of [
      { ...customer, email: "not-an-email" },
      { ...customer, phone: "12" },
      { ...customer, phone: "call me maybe" },
      { ...customer, name: "A" },
      { name: customer.name, email: customer.email },
    ]) {
      const res = await postOrder(owner, hold.holdId, who as typeof customer);
      expect(res.status, JSON.stringify(who)).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
    }
    expect((await postOrder(owner, "not-a-hold")).status).toBe(400);
    expect((await call("/api/v1/orders", { method: "POST", json: { holdId: hold.holdId, customer } })).status).toBe(
      401,
    );
    expect(((await (await getHold(owner, hold.holdId)).json()) as Hold).status).toBe("HELD");
  });

  it("409 and nothing written when Postgres already sold a seat (Redis had lost it); the dead hold is released", async () => {
    const showId = await createShow();
    const first = await placeOrder(newUser(), showId, ["F1"]);
    // Redis forgets the first order's lock, so a second customer can hold F1 …
    await redis().del(`seat_lock:{${showId}}:F1`);
    const user = newUser();
    const hold = await holdOf(await postHold(user, showId, ["F1", "F2"]));
    // … but the order_seats primary key refuses to sell it twice.
    const res = await postOrder(user, hold.holdId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("SEAT_TAKEN");
    expect(await ordersOfHold(hold.holdId)).toBe(0);
    expect(await orderSeatsOf(first.orderId)).toEqual(["F1"]);
    expect(statesOf(await seatMap(showId)).get("F2")?.state).toBe("AVAILABLE");
    expect((await getHold(user, hold.holdId)).status).toBe(404);
  });
});

describe("GET /orders and /orders/{id}", () => {
  it("lists the caller's orders newest first, paginated; one order with show, movie and theatre; others' are 404", async () => {
    const showId = await createShow();
    const user = newUser();
    const a = await placeOrder(user, showId, ["G1"]);
    const b = await placeOrder(user, showId, ["G2"]);
    const other = await placeOrder(newUser(), showId, ["G3"]);

    const list = await call("/api/v1/orders?pageSize=1", { headers: asUser(user) });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: Order[]; total: number; totalPages: number };
    expect(page.total).toBe(2);
    expect(page.totalPages).toBe(2);
    expect(page.items.map((o) => o.orderId)).toEqual([b.orderId]);
    const page2 = (await (await call("/api/v1/orders?pageSize=1&page=2", { headers: asUser(user) })).json()) as {
      items: Order[];
    };
    expect(page2.items.map((o) => o.orderId)).toEqual([a.orderId]);

    const one = await call(`/api/v1/orders/${a.orderId}`, { headers: asUser(user) });
    expect(one.status).toBe(200);
    const detail = (await one.json()) as Order;
    expect(detail.show.id).toBe(showId);
    expect(detail.show.movie.title.length).toBeGreaterThan(0);
    expect(detail.show.theatre.name.length).toBeGreaterThan(0);

    expect((await call(`/api/v1/orders/${other.orderId}`, { headers: asUser(user) })).status).toBe(404);
    expect((await call("/api/v1/orders/not-a-uuid", { headers: asUser(user) })).status).toBe(400);
    expect((await call("/api/v1/orders")).status).toBe(401);
  });
});

describe("paying: POST /orders/{id}/payment, then the provider's webhook", () => {
  it("confirms with a ticket code, books the seats, queues one email; a repeat delivery changes nothing", async () => {
    const showId = await createShow();
    const warm = newUser();
    await payOrder(warm, (await placeOrder(warm, showId, ["H9"])).orderId); // loads scripts: counts below are steady state

    const user = newUser();
    const order = await placeOrder(user, showId, ["H1", "H2"]);
    const { webhook, event } = await payOrder(user, order.orderId);
    expect(webhook.status).toBe(200);
    // The session from the provider, then one transaction (seen? confirm + record the event, the
    // order); the email is queued before the answer, Redis hears of the sold seats after it.
    expect(backendCalls(webhook)).toEqual({ db: 1, redis: 0, queue: 1, payments: 1 });
    const confirmed = (await orderOf(user, order.orderId)) as Order & { confirmedAt: string };
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.ticketCode).toMatch(/^BMS[0-9A-F]{8}$/);
    expect(confirmed.confirmedAt).toBeTruthy();
    const states = statesOf(await seatMap(showId));
    expect(states.get("H1")?.state).toBe("BOOKED");
    expect(await redis().sismember(`booked:{${showId}}`, "H2")).toBe(1);

    const again = await deliver(event.id);
    expect(again.status).toBe(200);
    expect((await orderOf(user, order.orderId)).ticketCode).toBe(confirmed.ticketCode);
    expect(backendCalls(again)).toEqual({ db: 1, redis: 0, queue: 0, payments: 1 });
    // The old confirm route is a status read now: the confirmed order, nothing changed.
    const read = await confirmPaymentRoute(user, order.orderId);
    expect(read.status).toBe(200);
    expect(((await read.json()) as Order).ticketCode).toBe(confirmed.ticketCode);

    // Booked seats cannot be held by anyone.
    const late = await postHold(newUser(), showId, ["H1"]);
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({ code: "SEAT_TAKEN", seats: ["H1"] });
  });

  it("404 for someone else's order, 410 once the payment window has passed", async () => {
    const showId = await createShow();
    const user = newUser();
    const order = await placeOrder(user, showId, ["I1"]);
    expect((await startPayment(newUser(), order.orderId)).status).toBe(404);
    expect((await confirmPaymentRoute(newUser(), order.orderId)).status).toBe(404);
    await db().execute(
      sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE order_id = ${order.orderId}`,
    );
    const late = await startPayment(user, order.orderId);
    expect(late.status).toBe(410);
    expect((await errorOf(late)).code).toBe("ORDER_EXPIRED");
    expect(statesOf(await seatMap(showId)).get("I1")?.state).not.toBe("BOOKED");
  });
});

describe("POST /orders/{id}/cancel", () => {
  it("cancels an unpaid order and frees its seats at once", async () => {
    const showId = await createShow();
    const user = newUser();
    const order = await placeOrder(user, showId, ["J1", "J2"]);
    const res = await cancelOrder(user, order.orderId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Order).status).toBe("CANCELLED");
    expect(backendCalls(res).queue).toBe(0);
    expect(await orderSeatsOf(order.orderId)).toEqual([]);
    expect(statesOf(await seatMap(showId)).get("J1")?.state).toBe("AVAILABLE");
    expect((await postHold(newUser(), showId, ["J1", "J2"])).status).toBe(201);
    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    expect((await startPayment(user, order.orderId)).status).toBe(409);
  });

  it("cancels a paid booking where the theatre allows it, well before the show; emails the customer", async () => {
    const showId = await createShow({ startsInMs: 2 * 86_400_000 });
    const user = newUser();
    const order = await placeOrder(user, showId, ["B7"]);
    await payOrder(user, order.orderId);
    const res = await cancelOrder(user, order.orderId);
    expect(res.status).toBe(200);
    expect(backendCalls(res).queue).toBe(1);
    // The refund, through the provider's Refund API (README: Payments).
    expect(backendCalls(res).payments).toBe(1);
    expect(((await res.json()) as Order & { refund: { status: string; amount: string } }).refund).toMatchObject({
      status: "pending",
      amount: "200.00",
    });
    expect(statesOf(await seatMap(showId)).get("B7")?.state).toBe("AVAILABLE");
    expect(await orderSeatsOf(order.orderId)).toEqual([]);
  });

  it("refuses a paid booking at a theatre without cancellations, or too close to the show (409, nothing changed)", async () => {
    const strict = await createShow({ cancellationAvailable: false });
    const user = newUser();
    const a = await placeOrder(user, strict, ["B8"]);
    await payOrder(user, a.orderId);
    const refused = await cancelOrder(user, a.orderId);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: "NOT_CANCELLABLE", status: "CONFIRMED" });
    expect(statesOf(await seatMap(strict)).get("B8")?.state).toBe("BOOKED");

    const soon = await createShow({ startsInMs: 30 * 60_000 });
    const b = await placeOrder(user, soon, ["B9"]);
    await payOrder(user, b.orderId);
    const tooLate = await cancelOrder(user, b.orderId);
    expect(tooLate.status).toBe(409);
    expect((await errorOf(tooLate)).message).toMatch(/minutes before the show/);
    expect(await orderSeatsOf(b.orderId)).toEqual(["B9"]);
    expect((await cancelOrder(newUser(), b.orderId)).status).toBe(404);
  });
});
