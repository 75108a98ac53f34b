// Cancelling a show (docs/API.md: Back office, cancelling a show): it stops selling at once, then a
// queue job cancels every pending order, refunds every paid one through the provider (a counter
// sale's refund is owed at the counter), emails every buyer once — and resumes after a crash
// without refunding anyone twice.
import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { showCancellationOrders } from "../../src/admin/ops-tables";
import { runShowCancellation } from "../../src/admin/use-cases/run-show-cancellation";
import { emailLog, orders, shows } from "../../src/db/schema";
import type { QueueMessage } from "../../src/jobs/messages";
import { cinemaDate } from "../../src/shared/cinema-time";
import { toPaise } from "../../src/shared/money";
import { deliver, deps } from "./accounts-helpers";
import { as, auditOf, eventually, holdAs, showAt, showPath } from "./admin-ops-fixtures";
import { db, newUser, placeOrder, postHold, postOrder } from "./fixtures";
import { call, errorOf } from "./http";
import { payAndRead, refundsOfOrder } from "./payments";

interface Progress {
  status: string;
  orders: { total: number; done: number; failed: number; pending: number };
  refunds: { count: number; amount: string; atCounter: number };
  emailed: number;
}

const cancel = (showId: string) =>
  as("managerA", showPath(showId, "cancellation"), { method: "POST", json: { reason: "Projector failure" } });
const progressOf = async (showId: string) =>
  (await (await as("usherA", showPath(showId, "cancellation"))).json()) as Progress;

/** A paid online order, a pending one and a counter sale on a show of theatre A. */
async function showWithOrders() {
  const showId = await showAt("A");
  const buyer = newUser("paid");
  const paid = await payAndRead(buyer, (await placeOrder(buyer, showId, ["E1", "E2"])).orderId);
  expect(paid.status).toBe("CONFIRMED");
  const pending = await placeOrder(newUser("pending"), showId, ["F1"]);
  const holdId = await holdAs("managerA", showId, ["G1"]);
  const sale = await as("managerA", showPath(showId, "counter-sales"), {
    method: "POST",
    json: { holdId, customer: { name: "Walk In", phone: "+91 90000 00001", email: "walk.in@example.com" } },
  });
  const counter = ((await sale.json()) as { order: { orderId: string } }).order;
  return { showId, paid, pending, counter };
}

describe("cancelling a show", () => {
  it("stops holds, orders and the catalog at once, then cancels, refunds and emails every order", async () => {
    const { showId, paid, pending, counter } = await showWithOrders();
    const [show] = await db().select().from(shows).where(eq(shows.id, showId));
    const listing = `/api/v1/movies/${show?.movieId}/shows?date=${cinemaDate(new Date(show?.startTime ?? ""))}`;
    // Warm every cache that knows the show: its booking info (a hold), its page and its listing.
    const late = newUser("late");
    const lateHold = (await (await postHold(late, showId, ["J1"])).json()) as { holdId: string };
    expect((await call(`/api/v1/shows/${showId}`)).status).toBe(200);
    expect(JSON.stringify(await (await call(listing)).json())).toContain(showId);

    const res = await cancel(showId);
    expect(res.status).toBe(202);
    const cancelledAt = Date.now();
    // No new hold, no order from an earlier hold, and gone from the catalog, right away.
    const hold = await postHold(newUser("after"), showId, ["J2"]);
    const measuredMs = Date.now() - cancelledAt;
    expect(hold.status).toBe(400);
    expect(await errorOf(hold)).toMatchObject({ code: "HOLD_RULE_BROKEN", rule: "SHOW_CLOSED" });
    console.log(JSON.stringify({ msg: "cancelled show refused its next hold", afterMs: measuredMs }));
    expect((await postOrder(late, lateHold.holdId)).status).toBe(409);
    expect(JSON.stringify(await (await call(listing)).json())).not.toContain(showId);
    expect(((await (await call(`/api/v1/shows/${showId}`)).json()) as { status: string }).status).toBe("CANCELLED");

    // The job runs on the queue (the worker's own consumer): every order handled.
    const done = await eventually(
      () => progressOf(showId),
      (p) => p.status === "COMPLETED" && p.emailed === 3,
    );
    expect(done).toMatchObject({
      orders: { total: 3, done: 3, failed: 0, pending: 0 },
      refunds: { count: 2, atCounter: 1, amount: "600.00" },
      emailed: 3,
    });
    const ids = [paid.orderId, pending.orderId, counter.orderId];
    const rows = await db().select().from(orders).where(inArray(orders.id, ids));
    expect(rows.map((o) => o.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    // The paid order: refunded through the provider, once, in full.
    const refunds = await refundsOfOrder(paid.orderId);
    expect(refunds.map((r) => r.amount)).toEqual([toPaise(paid.amount)]);
    expect(rows.find((o) => o.id === paid.orderId)).toMatchObject({ refundReason: "SHOW_CANCELLED" });
    // The counter sale: owed back at the counter, never sent to the provider.
    expect(await refundsOfOrder(counter.orderId)).toEqual([]);
    expect(rows.find((o) => o.id === counter.orderId)).toMatchObject({ refundStatus: "pending", refundId: null });
    // The unpaid order: nothing to refund.
    expect(rows.find((o) => o.id === pending.orderId)).toMatchObject({ refundStatus: null });
    expect((await auditOf(showId)).map((a) => a.action)).toEqual(["show.cancel"]);

    // Emails: one each, and a redelivered message (or a second cancel) sends nothing more.
    const logged = await db().select().from(emailLog).where(inArray(emailLog.orderId, ids));
    expect(logged.filter((l) => l.kind === "show.cancelled")).toHaveLength(3);
    const resent = await deliver(ids.map((orderId) => ({ type: "show.cancelled", orderId })));
    expect(resent).toEqual([]);
    expect((await cancel(showId)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await refundsOfOrder(paid.orderId)).toHaveLength(1);
    expect((await auditOf(showId)).map((a) => a.action)).toEqual(["show.cancel"]);
  });

  it("resumes after the job dies midway, refunding no one twice", async () => {
    const showId = await showAt("A");
    const buyers = [newUser("crash-a"), newUser("crash-b"), newUser("crash-c")];
    const paid = await Promise.all(
      buyers.map(async (buyer, i) => payAndRead(buyer, (await placeOrder(buyer, showId, [`C${i + 1}`])).orderId)),
    );
    // Cancelled through the route, its job message kept off the queue: this test runs the job itself.
    const send = vi
      .spyOn(env.EMAIL_QUEUE, "send")
      .mockImplementation(async () => ({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } }));
    try {
      expect((await cancel(showId)).status).toBe(202);
      let emails = 0;
      const crashing = {
        ...deps(),
        queue: {
          async send(message: QueueMessage) {
            // The consumer dies as it emails the second buyer: that order is cancelled and refunded, not marked done.
            if (message.type === "show.cancelled" && ++emails === 2) throw new Error("consumer crashed");
          },
        },
      };
      await expect(runShowCancellation(crashing, { showId })).rejects.toThrow("consumer crashed");
      const midway = await progressOf(showId);
      expect(midway).toMatchObject({ status: "IN_PROGRESS", orders: { total: 3, done: 1, pending: 2 } });

      const resumed = { ...deps(), queue: { send: async () => undefined } };
      expect(await runShowCancellation(resumed, { showId })).toEqual({ outcome: "COMPLETED", handled: 2 });
      expect(await runShowCancellation(resumed, { showId })).toEqual({ outcome: "COMPLETED", handled: 0 });
    } finally {
      send.mockRestore();
    }
    for (const order of paid) expect(await refundsOfOrder(order.orderId)).toHaveLength(1);
    expect(await progressOf(showId)).toMatchObject({
      status: "COMPLETED",
      orders: { total: 3, done: 3, failed: 0, pending: 0 },
      refunds: { count: 3 },
    });
    const handled = await db().select().from(showCancellationOrders).where(eq(showCancellationOrders.showId, showId));
    expect(handled.map((h) => h.outcome)).toEqual(["REFUNDING", "REFUNDING", "REFUNDING"]);
  });

  it("a show that was never cancelled has no cancellation to read", async () => {
    const showId = await showAt("A");
    const res = await as("managerA", showPath(showId, "cancellation"));
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("CANCELLATION_NOT_FOUND");
  });
});
