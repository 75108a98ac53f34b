// The money path attacked as a hostile or unlucky customer and flaky infrastructure would: prices
// that change under a checkout, a second payment for one order, a customer's cancel after the
// theatre cancelled the show, concurrent checkouts, fees in odd paise. Real
// requests against the real stack; every payment is a sandbox session paid and its signed event
// delivered to the webhook.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { markShowCancelled } from "../../src/admin/cancellation-store";
import { runShowCancellation } from "../../src/admin/use-cases/run-show-cancellation";
import { orders, shows } from "../../src/db/schema";
import type { SeatLayout } from "../../src/domain/seat-layout";
import { toPaise } from "../../src/shared/money";
import { deps } from "./accounts-helpers";
import {
  cancelOrder,
  createShow,
  db,
  type Hold,
  newUser,
  placeOrder,
  policyTheatre,
  postHold,
  postOrder,
} from "./fixtures";
import {
  checkoutSessionOf,
  deliver,
  orderOf,
  paidSessionOutsideWorker,
  payOrder,
  paySession,
  refundsOfOrder,
  sandbox,
  startPayment,
} from "./payments";

const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
type Quoted = { amount: string; cancellation: { fee: string; refund: string } };

/** A paid booking of a show two days away at a theatre keeping 25 % of the tickets (₹20 convenience fee). */
async function paidBooking(seatIds: string[]) {
  const theatreId = await policyTheatre({ feePct: "25.00", convenienceFee: "20.00" });
  const showId = await createShow({ theatreId, startsInMs: 2 * 86_400_000 });
  const user = newUser();
  const order = await placeOrder(user, showId, seatIds);
  await payOrder(user, order.orderId);
  return { showId, user, order, paid: toPaise(order.amount) };
}

/** Staff cancelled the show; its job (one batch of orders at a time) has not come to any order yet. */
const cancelledByStaff = (showId: string) =>
  markShowCancelled(db(), { showId, requestedBy: crypto.randomUUID(), reason: "Projector failure" });

describe("a price change between the hold and the order", () => {
  const hall: SeatLayout = {
    categories: [
      { code: "STANDARD", name: "Standard", surcharge: "0.00" },
      { code: "PREMIUM", name: "Premium", surcharge: "50.00" },
    ],
    rows: [
      { label: "A", category: "STANDARD", columns: [1, 2, 3, 4] },
      { label: "B", category: "PREMIUM", columns: [1, 2, 3, 4] },
    ],
  };
  const priceShow = (showId: string, standard: string, premium: string) =>
    db()
      .update(shows)
      .set({ price: standard, categoryPrices: { STANDARD: standard, PREMIUM: premium } })
      .where(eq(shows.id, showId));

  it("the order costs the prices Postgres has at order time, and that amount is what is charged, whatever changes next", async () => {
    const showId = await createShow({ layout: hall });
    await priceShow(showId, "200.00", "300.00");
    const user = newUser();
    // The hold reads (and caches) the show's booking info at these prices.
    const hold = await postHold(user, showId, ["B1", "B2"]);
    expect(hold.status).toBe(201);
    const { holdId, amount } = (await hold.json()) as Hold;
    expect(amount).toBe("600.00");
    // Staff re-price the show before its first sale, from another isolate or colo: this one's
    // cached booking info is not told (only the isolate and colo that made the change forget it).
    await priceShow(showId, "150.00", "400.00");
    const placed = await postOrder(user, holdId, undefined, ["B1", "B2"]);
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as { orderId: string; amount: string; convenienceFee: string };
    // Two premium seats at the price Postgres has now (₹400), not a mix of the new base price and
    // the cached premium surcharge (₹150 + ₹100).
    expect(toPaise(order.amount) - toPaise(order.convenienceFee)).toBe(80_000);

    // Re-priced again after the order: the order's amount stays, and it is what the customer pays.
    await priceShow(showId, "100.00", "120.00");
    const { webhook } = await payOrder(user, order.orderId);
    expect(webhook.status).toBe(200);
    const paid = await orderOf(user, order.orderId);
    expect(paid).toMatchObject({ status: "CONFIRMED", amount: order.amount });
    expect(paid.ticketCode).toBeTruthy();
  });
  it("a show priced per category itemises its receipt at the show's own prices, adding up to the amount", async () => {
    const showId = await createShow({ layout: hall });
    await priceShow(showId, "200.00", "340.00");
    const user = newUser();
    const order = await placeOrder(user, showId, ["A1", "B1", "B2"]);
    const view = (await orderOf(user, order.orderId)) as unknown as {
      receipt: { lines: { category: string; quantity: number; unitPrice: string; amount: string }[]; total: string };
    };
    // Was one "Seats" line: the receipt priced premium seats at base + the hall's surcharge (₹250).
    expect(
      view.receipt.lines.map(({ category, quantity, unitPrice, amount }) => ({
        category,
        quantity,
        unitPrice,
        amount,
      })),
    ).toEqual([
      { category: "STANDARD", quantity: 1, unitPrice: "200.00", amount: "200.00" },
      { category: "PREMIUM", quantity: 2, unitPrice: "340.00", amount: "680.00" },
    ]);
    expect(view.receipt.total).toBe(order.amount);
  });
});

describe("a second payment for one order (a session made outside the worker)", () => {
  it("arriving after the paid booking was cancelled is refunded in full, beside the booking's own refund", async () => {
    const { user, order, paid } = await paidBooking(["C1"]);
    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    const owed = paid - Math.round((paid - 2000) / 4);
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([owed]);

    const second = await paidSessionOutsideWorker(order.orderId, paid);
    expect((await deliver(second.event.id)).status).toBe(200);
    expect((await deliver(second.event.id)).status).toBe(200);
    const refunds = await refundsOfOrder(order.orderId);
    expect(refunds.filter((r) => r.payment_intent === second.paymentIntent).map((r) => r.amount)).toEqual([paid]);
    expect(refunds).toHaveLength(2);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "CANCELLED", refundAmount: (owed / 100).toFixed(2) });
  });

  it("two payments of a cancelled unpaid order are both refunded in full, no ticket", async () => {
    const user = newUser();
    const order = await placeOrder(user, await createShow(), ["D1", "D2"]);
    const first = await paySession(await checkoutSessionOf(user, order.orderId));
    const paid = toPaise(order.amount);
    const second = await paidSessionOutsideWorker(order.orderId, paid);
    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    expect((await deliver(first.id)).status).toBe(200);
    expect((await deliver(second.event.id)).status).toBe(200);
    const refunds = await refundsOfOrder(order.orderId);
    expect(refunds.map((r) => r.amount)).toEqual([paid, paid]);
    expect(new Set(refunds.map((r) => r.payment_intent)).size).toBe(2);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "CANCELLED", ticketCode: null });
  });
});

describe("a customer's cancel after the theatre cancelled the show", () => {
  it("before the cancellation job reaches the order, refunds it in full, once, with no cancellation fee", async () => {
    const { showId, user, order, paid } = await paidBooking(["E1", "E2"]);
    await cancelledByStaff(showId);
    const quoted = (await orderOf(user, order.orderId)) as unknown as Quoted;
    expect(quoted.cancellation).toMatchObject({ fee: "0.00", refund: order.amount });
    expect((await cancelOrder(user, order.orderId)).status).toBe(200);
    // The job then reaches it: nothing more is refunded.
    await runShowCancellation(deps(), { showId });
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([paid]);
    expect(await orderRow(order.orderId)).toMatchObject({
      status: "CANCELLED",
      refundReason: "SHOW_CANCELLED",
      refundAmount: order.amount,
    });
  });

  it("racing the cancellation job: one refund, in full, whichever commits first", async () => {
    const { showId, user, order, paid } = await paidBooking(["E3", "E4"]);
    await cancelledByStaff(showId);
    const [res] = await Promise.all([cancelOrder(user, order.orderId), runShowCancellation(deps(), { showId })]);
    expect(res.status).toBe(200);
    expect((await refundsOfOrder(order.orderId)).map((r) => r.amount)).toEqual([paid]);
    expect(await orderRow(order.orderId)).toMatchObject({ refundReason: "SHOW_CANCELLED", refundAmount: order.amount });
  });
});

describe("checking out twice at once", () => {
  it("twenty concurrent POST /payment for one order: one checkout session, the same URL to all", async () => {
    const user = newUser();
    const order = await placeOrder(user, await createShow(), ["G2"]);
    const responses = await Promise.all(Array.from({ length: 20 }, () => startPayment(user, order.orderId)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const urls = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { url: string }).url)));
    expect(urls.size).toBe(1);
    const { data } = await sandbox<{ data: { id: string; client_reference_id: string | null }[] }>("/sessions");
    const sessions = data.filter((s) => s.client_reference_id === order.orderId);
    expect(sessions).toHaveLength(1);
    expect((await orderRow(order.orderId))?.paymentSessionId).toBe(sessions[0]?.id);
  });
});

describe("the cancellation fee in odd paise", () => {
  it.each([
    ["199.99", ["F1", "F2"], "25.00", "23.55"],
    ["199.99", ["F1", "F2", "F3"], "25.00", "23.55"],
    ["123.45", ["F1"], "12.50", "17.70"],
    ["99.98", ["F1", "F2", "F3"], "33.33", "0.00"],
  ])(
    "₹%s × %j, a %s percent fee, ₹%s convenience fee: refund + fee = paid, to the paisa, as quoted",
    async (price, seatIds, feePct, convenienceFee) => {
      const theatreId = await policyTheatre({ feePct, convenienceFee });
      const showId = await createShow({ theatreId, startsInMs: 2 * 86_400_000, price });
      const user = newUser();
      const order = await placeOrder(user, showId, seatIds);
      await payOrder(user, order.orderId);
      const quoted = (await orderOf(user, order.orderId)) as unknown as Quoted;
      const paid = toPaise(quoted.amount);
      expect(paid).toBe(toPaise(price) * seatIds.length + toPaise(convenienceFee));
      expect(toPaise(quoted.cancellation.fee) + toPaise(quoted.cancellation.refund)).toBe(paid);
      expect((await cancelOrder(user, order.orderId)).status).toBe(200);
      const [refund] = await refundsOfOrder(order.orderId);
      expect(refund?.amount).toBe(toPaise(quoted.cancellation.refund));
      expect((await orderRow(order.orderId))?.refundAmount).toBe(quoted.cancellation.refund);
    },
  );
});
