// The money path attacked as a hostile or unlucky customer and flaky infrastructure would: prices
// that change under a checkout, a second payment for one order, a customer's cancel after the
// theatre cancelled the show, concurrent checkouts, fees in odd paise. Real
// requests against the real stack; every payment is a sandbox session paid and its signed event
// delivered to the webhook.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema";
import { toPaise } from "../../src/shared/money";
import { cancelOrder, createShow, db, newUser, placeOrder, policyTheatre } from "./fixtures";
import { orderOf, payOrder, refundsOfOrder, sandbox, startPayment } from "./payments";

const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
type Quoted = { amount: string; cancellation: { fee: string; refund: string } };

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
