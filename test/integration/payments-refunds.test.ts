// Refunds through the provider: cancelling a paid booking, refund webhooks in any order, a refund
// the provider fails retried through the queue; receipts itemised with the convenience fee.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { movies, orders, shows, theatres } from "../../src/db/schema";
import worker from "../../src/index";
import { emailsFor } from "./email-recorder";
import { cancelOrder, createShow, db, newUser, type Order, placeOrder, policyTheatre } from "./fixtures";
import { backendCalls } from "./http";
import { deliver, eventsAbout, orderOf, payOrder, refundsOfOrder, sandbox, sessionOf } from "./payments";

type Refunded = Order & {
  refund: {
    status: string;
    amount: string;
    reason: string;
    requestedAt: string;
    updatedAt: string | null;
    failure: string | null;
  } | null;
  receipt: {
    lines: { name: string; quantity: number; unitPrice: string; amount: string }[];
    convenienceFee: string;
    total: string;
  };
  convenienceFee: string;
};
const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the sandbox to settle a refund (200 ms by default), then answers its events. */
async function settledRefundEvents(refundId: string, type: string) {
  for (let i = 0; i < 50; i++) {
    const events = await eventsAbout(refundId, type);
    if (events.length > 0) return events;
    await sleep(50);
  }
  throw new Error(`no ${type} for ${refundId}`);
}

async function paidBooking(seats = ["B7"]) {
  const showId = await createShow({ startsInMs: 2 * 86_400_000 });
  const user = newUser();
  const order = await placeOrder(user, showId, seats);
  const { sessionId } = await payOrder(user, order.orderId);
  const paymentIntent = (await sessionOf(sessionId))?.payment_intent as string;
  return { user, order, paymentIntent };
}

/** Runs queue messages through the worker's own queue handler. */
async function runQueue(bodies: unknown[]) {
  const batch = createMessageBatch<unknown>(
    "housefull-email",
    bodies.map((body, i) => ({ id: `refund-${Date.now()}-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

describe("cancelling a paid booking refunds it", () => {
  it("a refund of the whole amount in the sandbox and on the order; refund webhooks in any order end succeeded", async () => {
    const { user, order } = await paidBooking();
    const res = await cancelOrder(user, order.orderId);
    expect(res.status).toBe(200);
    expect(backendCalls(res)).toMatchObject({ payments: 1, queue: 1 });
    const [refund] = await refundsOfOrder(order.orderId);
    expect(refund).toMatchObject({ amount: 20_000, status: "pending" });
    expect((await orderOf(user, order.orderId)) as Refunded).toMatchObject({
      status: "CANCELLED",
      refund: { status: "pending", amount: "200.00", reason: "CANCELLED", failure: null },
    });

    // Stripe promises no order: the final refund.updated first, then the older charge.refunded, then again.
    const [updated] = await settledRefundEvents(refund?.id as string, "refund.updated");
    const [chargeRefunded] = await eventsAbout(refund?.payment_intent as string, "charge.refunded");
    for (const id of [updated?.id, chargeRefunded?.id, updated?.id])
      expect((await deliver(id as string)).status).toBe(200);
    const after = (await orderOf(user, order.orderId)) as Refunded;
    expect(after.refund).toMatchObject({ status: "succeeded", amount: "200.00" });
    expect(after.refund?.updatedAt).toBeTruthy();
    expect((await refundsOfOrder(order.orderId)).length).toBe(1);
  });

  it("a refund the provider fails is visible on the order, retried through the queue, and never lost", async () => {
    const { user, order, paymentIntent } = await paidBooking(["B8"]);
    await sandbox("/switches", { json: { failRefundsOf: { [paymentIntent]: 1 } } });
    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    const [first] = await refundsOfOrder(order.orderId);
    const [failed] = await settledRefundEvents(first?.id as string, "refund.failed");
    const res = await deliver(failed?.id as string);
    expect(res.status).toBe(200);
    expect(backendCalls(res).queue).toBe(1); // the refund.requested retry
    expect((await orderOf(user, order.orderId)) as Refunded).toMatchObject({
      refund: { status: "failed", amount: "200.00", failure: "expired_or_canceled_card" },
    });

    // The queue consumer calls the same refund use case: a second refund, for the whole amount.
    const result = await runQueue([{ type: "refund.requested", orderId: order.orderId }]);
    expect(result.retryMessages).toEqual([]);
    const refunds = await refundsOfOrder(order.orderId);
    expect(refunds.map((r) => r.amount)).toEqual([20_000, 20_000]);
    const second = refunds.find((r) => r.id !== first?.id);
    expect((await orderRow(order.orderId))?.refundId).toBe(second?.id);
    expect((await orderRow(order.orderId))?.refundAttempts).toBe(2);
    // A redelivered retry message changes nothing: the refund is under way.
    await runQueue([{ type: "refund.requested", orderId: order.orderId }]);
    expect((await refundsOfOrder(order.orderId)).length).toBe(2);
    const [succeeded] = await settledRefundEvents(second?.id as string, "refund.updated");
    expect((await deliver(succeeded?.id as string)).status).toBe(200);
    expect(((await orderOf(user, order.orderId)) as Refunded).refund).toMatchObject({ status: "succeeded" });
  });

  it("the cancellation email says how much is refunded and when", async () => {
    const { user, order } = await paidBooking(["B9"]);
    await cancelOrder(user, order.orderId);
    const { sent } = await emailsFor("order.cancelled", order.orderId);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toMatch(/A refund of ₹200\.00 was issued on \w+day, \d+ \w+ \d{4}, .* IST/);
  });
});

describe("the theatre's own cancellation policy", () => {
  /** A theatre keeping 25 % of the tickets' price, cancellable until 30 minutes before, ₹20 fee per order. */
  const feeTheatre = () => policyTheatre({ feePct: "25.00", convenienceFee: "20.00" });

  it("refunds the amount less its fee % of the tickets, quoted on the order before the cancel", async () => {
    const theatreId = await feeTheatre();
    // Inside the deployment's 120-minute default cut-off, outside the theatre's own 30.
    const showId = await createShow({ theatreId, startsInMs: 60 * 60_000, jitterMs: 0, price: "200.00" });
    const user = newUser();
    const order = await placeOrder(user, showId, ["C3", "C4"]);
    await payOrder(user, order.orderId);
    const paid = (await orderOf(user, order.orderId)) as Refunded & {
      cancellable: boolean;
      cancellation: { until: string; feePercent: number; fee: string; refund: string } | null;
    };
    // Whatever the seats cost, the fee is 25 % of them and the convenience fee comes back.
    const seats = Math.round(Number(paid.amount) * 100) - 2000;
    const fee = Math.round(seats / 4);
    const refund = ((seats + 2000 - fee) / 100).toFixed(2);
    expect(paid.convenienceFee).toBe("20.00");
    expect(paid.cancellable).toBe(true);
    expect(paid.cancellation).toMatchObject({ feePercent: 25, fee: (fee / 100).toFixed(2), refund });

    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    const [providerRefund] = await refundsOfOrder(order.orderId);
    expect(providerRefund?.amount).toBe(seats + 2000 - fee);
    expect((await orderOf(user, order.orderId)) as Refunded).toMatchObject({ refund: { amount: refund } });

    // The email says what comes back and what the theatre kept.
    const { sent } = await emailsFor("order.cancelled", order.orderId);
    const rupees = (paise: number) => `₹${(paise / 100).toFixed(2)}`;
    expect(sent[0]?.text).toContain(`A refund of ${rupees(seats + 2000 - fee)} was issued`);
    expect(sent[0]?.text).toContain(`The theatre keeps its cancellation fee of ${rupees(fee)}.`);
  });

  it("refuses a cancel inside the theatre's cut-off, changing nothing", async () => {
    const theatreId = await feeTheatre();
    const showId = await createShow({ theatreId, startsInMs: 20 * 60_000, jitterMs: 0 });
    const user = newUser();
    const order = await placeOrder(user, showId, ["D5"]);
    await payOrder(user, order.orderId);
    const before = (await orderOf(user, order.orderId)) as Order & { cancellable: boolean; cancellation: unknown };
    expect(before).toMatchObject({ status: "CONFIRMED", cancellable: false, cancellation: null });
    const res = await cancelOrder(user, order.orderId);
    expect(res.status).toBe(409);
    expect((await orderOf(user, order.orderId)).status).toBe("CONFIRMED");
    expect(await refundsOfOrder(order.orderId)).toEqual([]);
  });
});

describe("receipts", () => {
  it("the convenience fee is part of the amount, the checkout session and the itemised receipt", async () => {
    const [movie] = await db().select({ id: movies.id }).from(movies).limit(1);
    const [theatre] = await db()
      .insert(theatres)
      .values({ name: `Fee Cinema ${crypto.randomUUID().slice(0, 8)}`, convenienceFee: "30.50" })
      .returning({ id: theatres.id });
    const [show] = await db()
      .insert(shows)
      .values({
        movieId: movie?.id as string,
        theatreId: theatre?.id as string,
        startTime: new Date(Date.now() + 86_400_000).toISOString(),
        price: "150.00",
      })
      .returning({ id: shows.id });
    const user = newUser();
    const order = (await placeOrder(user, show?.id as string, ["A1", "A2"])) as Refunded;
    expect(order).toMatchObject({ amount: "330.50", convenienceFee: "30.50" });
    expect(order.receipt).toEqual({
      lines: [expect.objectContaining({ name: "Standard", quantity: 2, unitPrice: "150.00", amount: "300.00" })],
      convenienceFee: "30.50",
      total: "330.50",
    });
    const { sessionId } = await payOrder(user, order.orderId);
    const session = (await sandbox<{ data: { id: string; amount_total: number }[] }>("/sessions")).data.find(
      (s) => s.id === sessionId,
    );
    expect(session?.amount_total).toBe(33_050);
    expect((await orderOf(user, order.orderId)).status).toBe("CONFIRMED");
  });
});
