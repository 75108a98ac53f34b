// Money that lands after the payment window (PAYMENT_WINDOW_SECONDS is seconds here): confirmed if
// every seat is still free, else refunded in full with one email. Never a double booking, never
// money kept without a ticket. The cron closes the provider session of an order that expired.
import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderSeats, orders } from "../../src/db/schema";
import type { EmailTransport, OutgoingEmail } from "../../src/jobs/email/transports";
import { consumeEmailBatch } from "../../src/jobs/email-consumer";
import { toPaise } from "../../src/shared/money";
import { createShow, db, newUser, type Order, placeOrder, redis, runCron } from "../integration/fixtures";
import { backendCalls } from "../integration/http";
import {
  checkoutSessionOf,
  deliver,
  payOrder,
  paySession,
  refundsOfOrder,
  sessionOf,
  startPayment,
} from "../integration/payments";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
const seatOwners = async (showId: string) =>
  db()
    .select({ seatId: orderSeats.seatId, orderId: orderSeats.orderId })
    .from(orderSeats)
    .where(eq(orderSeats.showId, showId));
const pastDeadline = (order: Order) => sleep(new Date(order.expiresAt).getTime() - Date.now() + 300);

/** An order of `seats` paid at the provider whose paid event is delivered only after its payment window. */
async function paidTooLate(seats: string[]) {
  const showId = await createShow();
  const user = newUser();
  const order = await placeOrder(user, showId, seats);
  const paid = await paySession(await checkoutSessionOf(user, order.orderId));
  await pastDeadline(order);
  return { showId, order, paid };
}

describe(`late payments (PAYMENT_WINDOW_SECONDS=${env.PAYMENT_WINDOW_SECONDS})`, () => {
  it("seats still free → the late payment confirms the expired order, its seats taken back", async () => {
    const { showId, order, paid } = await paidTooLate(["A1", "A2"]);
    await runCron(); // the order expires; its seats go back
    expect((await orderRow(order.orderId))?.status).toBe("EXPIRED");
    expect(await seatOwners(showId)).toEqual([]);

    const res = await deliver(paid.id); // the webhook, delayed past the window
    expect(res.status).toBe(200);
    expect(backendCalls(res).queue).toBe(1);
    const row = await orderRow(order.orderId);
    expect(row).toMatchObject({ status: "CONFIRMED", refundStatus: null });
    expect(row?.ticketCode).toMatch(/^BMS/);
    expect((await seatOwners(showId)).map((s) => s.orderId)).toEqual([order.orderId, order.orderId]);
    expect(await redis().sismember(`booked:{${showId}}`, "A2")).toBe(1);
    expect(await refundsOfOrder(order.orderId)).toEqual([]);
    expect(backendCalls(await deliver(paid.id)).queue).toBe(0);
  });

  it("seats resold → refunded in full in the sandbox, the order says so, one email; the buyer keeps the seat", async () => {
    const { showId, order, paid } = await paidTooLate(["B1"]);
    const buyer = newUser();
    const theirs = await placeOrder(buyer, showId, ["B1"]); // expires the stale order, takes B1
    expect((await payOrder(buyer, theirs.orderId)).webhook.status).toBe(200);

    const deliveries = [await deliver(paid.id), await deliver(paid.id)];
    expect(deliveries.map((r) => r.status)).toEqual([200, 200]);
    expect(deliveries.reduce((n, r) => n + backendCalls(r).queue, 0)).toBe(1); // one refund email
    expect(await orderRow(order.orderId)).toMatchObject({
      status: "EXPIRED",
      ticketCode: null,
      refundStatus: "pending",
      refundReason: "SEATS_UNAVAILABLE",
      refundAmount: "200.00",
    });
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([20_000]);
    expect(await seatOwners(showId)).toEqual([{ seatId: "B1", orderId: theirs.orderId }]);
    expect((await orderRow(theirs.orderId))?.status).toBe("CONFIRMED");

    const sent: OutgoingEmail[] = [];
    const transport: EmailTransport = {
      name: "recording",
      send: async (m) => {
        sent.push(m);
        return { messageId: `m${sent.length}` };
      },
    };
    const message = { type: "order.refunded", orderId: order.orderId };
    for (let i = 0; i < 2; i++) {
      const batch = createMessageBatch<unknown>("housefull-email", [
        { id: `late-${Date.now()}-${i}`, timestamp: new Date(), attempts: 1, body: message },
      ]);
      await consumeEmailBatch(batch, env, { transport });
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toMatch(/^Payment refunded: /);
    expect(sent[0]?.text).toContain("booked by someone else");
    expect(sent[0]?.text).toContain("₹200.00");
  });

  it("one of its two seats resold → refunded in full, not in part; the other seat is not taken back", async () => {
    const { showId, order, paid } = await paidTooLate(["C1", "C2"]);
    const buyer = newUser();
    const theirs = await placeOrder(buyer, showId, ["C2"]);
    expect((await payOrder(buyer, theirs.orderId)).webhook.status).toBe(200);

    expect((await deliver(paid.id)).status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({
      status: "EXPIRED",
      ticketCode: null,
      refundReason: "SEATS_UNAVAILABLE",
      refundAmount: order.amount,
    });
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([toPaise(order.amount)]);
    expect(await seatOwners(showId)).toEqual([{ seatId: "C2", orderId: theirs.orderId }]);
  });

  it("the cron closes an expired order's checkout session at the provider, so it can no longer be paid", async () => {
    const user = newUser();
    const order = await placeOrder(user, await createShow(), ["C1"]);
    const sessionId = await checkoutSessionOf(user, order.orderId);
    await pastDeadline(order);
    expect((await startPayment(user, order.orderId)).status).toBe(410);
    await runCron();
    expect((await sessionOf(sessionId))?.status).toBe("expired");
    expect((await orderRow(order.orderId))?.paymentSessionClosedAt).toBeTruthy();
  });
});
