// The numbers (docs/API.md: Back office, reports): every figure equals a direct SQL count over the
// same orders; the funnel's holds come from the per-show counter written after each response.
import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { showFunnelCounts } from "../../src/admin/ops-tables";
import { orders } from "../../src/db/schema";
import type { Report as ReportBody } from "../../src/shared/admin-ops-schemas";
import { addCinemaDays, cinemaToday } from "../../src/shared/cinema-time";
import { as, backOffice, type Caller, eventually, holdAs, showAt, showPath } from "./admin-ops-fixtures";
import { cancelOrder, db, deleteHold, newUser, placeOrder, postHold } from "./fixtures";
import { payAndRead } from "./payments";

type Report = Pick<ReportBody, "rows" | "totals">;

const from = cinemaToday();
const to = addCinemaDays(from, 3);
const report = (who: Caller, query = "", headers: Record<string, string> = {}) =>
  as(who, `/api/v1/admin/reports?from=${from}&to=${to}${query}`, { headers });

let showIds: string[] = [];

beforeAll(async () => {
  const sold = await showAt("A");
  const refunded = await showAt("A");
  showIds = [sold, refunded];
  const buyer = newUser("report-paid");
  await payAndRead(buyer, (await placeOrder(buyer, sold, ["A1", "A2"])).orderId);
  await placeOrder(newUser("report-pending"), sold, ["B1"]);
  const counterHold = await holdAs("managerA", sold, ["C1", "C2", "C3"]);
  const sale = await as("managerA", showPath(sold, "counter-sales"), {
    method: "POST",
    json: { holdId: counterHold, customer: { name: "Box Office", phone: "+91 90000 00002" } },
  });
  expect(sale.status).toBe(201);
  const released = newUser("report-released");
  const hold = (await (await postHold(released, sold, ["D1"])).json()) as { holdId: string };
  expect((await deleteHold(released, hold.holdId)).status).toBe(204);
  expect((await postHold(newUser("report-lapsing"), sold, ["E1"])).status).toBe(201);
  expect(
    (
      await as("managerA", showPath(sold, "house-seats"), {
        method: "POST",
        json: { seatIds: ["J1", "J2"], reason: "VIP" },
      })
    ).status,
  ).toBe(200);
  const canceller = newUser("report-refund");
  const paid = await payAndRead(canceller, (await placeOrder(canceller, refunded, ["F1"])).orderId);
  expect((await cancelOrder(canceller, paid.orderId)).status).toBe(200);
  // A show of theatre B: in the admin's numbers, never in A's manager's.
  const other = newUser("report-b");
  await payAndRead(other, (await placeOrder(other, await showAt("B"), ["A1"])).orderId);
  // Hold counts are written after each response: wait until all six holds of A's shows are in.
  await eventually(
    () => db().select().from(showFunnelCounts).where(inArray(showFunnelCounts.showId, showIds)),
    (rows) => rows.reduce((n, r) => n + r.holds + r.holdsReleased, 0) === 6 + 1,
  );
});

/** The same figures, counted straight from the orders table. */
async function countedInSql(ids: string[]) {
  const [row] = await db()
    .select({
      seatsSold:
        sql<number>`coalesce(sum(cardinality(${orders.seatIds})) filter (where ${orders.status} = 'CONFIRMED'), 0)`.mapWith(
          Number,
        ),
      seatsSoldCounter:
        sql<number>`coalesce(sum(cardinality(${orders.seatIds})) filter (where ${orders.status} = 'CONFIRMED' and ${orders.paymentMethod} = 'counter'), 0)`.mapWith(
          Number,
        ),
      gross: sql<string>`coalesce(sum(${orders.amount}) filter (where ${orders.paidAt} is not null), 0)::numeric(10,2)::text`,
      grossCounter: sql<string>`coalesce(sum(${orders.amount}) filter (where ${orders.paidAt} is not null and ${orders.paymentMethod} = 'counter'), 0)::numeric(10,2)::text`,
      fees: sql<string>`coalesce(sum(${orders.convenienceFee}) filter (where ${orders.paidAt} is not null), 0)::numeric(10,2)::text`,
      refunds: sql<string>`coalesce(sum(${orders.refundAmount}), 0)::numeric(10,2)::text`,
      orders: sql<number>`count(*)`.mapWith(Number),
      paid: sql<number>`count(*) filter (where ${orders.confirmedAt} is not null)`.mapWith(Number),
      paymentsStarted: sql<number>`count(*) filter (where ${orders.paymentSessionId} is not null)`.mapWith(Number),
    })
    .from(orders)
    .where(inArray(orders.showId, ids));
  return row;
}

describe("reports", () => {
  it("per show and in total, every figure equals a direct SQL count over the same orders", async () => {
    const res = await report("managerA", "&groupBy=show");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Report;
    expect(body.rows.map((r) => r.key).sort()).toEqual([...showIds].sort());
    for (const id of showIds) {
      const row = body.rows.find((r) => r.key === id);
      const counted = await countedInSql([id]);
      expect(row).toMatchObject({
        seatsSold: counted?.seatsSold,
        seatsSoldCounter: counted?.seatsSoldCounter,
        gross: counted?.gross,
        grossCounter: counted?.grossCounter,
        fees: counted?.fees,
        refunds: counted?.refunds,
        funnel: { orders: counted?.orders, paid: counted?.paid, paymentsStarted: counted?.paymentsStarted },
      });
    }
    const sold = body.rows.find((r) => r.key === showIds[0]);
    // 2 online + 3 at the counter of 100 seats; 2 house seats; holds: paid, pending, counter, released, lapsing.
    expect(sold).toMatchObject({
      capacity: 100,
      seatsSold: 5,
      seatsSoldOnline: 2,
      seatsSoldCounter: 3,
      houseSeats: 2,
      occupancy: 0.05,
      funnel: {
        holds: 5,
        holdsReleased: 1,
        orders: 3,
        paid: 2,
        paidOnline: 1,
        holdExpiryRate: 0.2,
        paymentSuccessRate: 1,
      },
    });
    const total = await countedInSql(showIds);
    expect(body.totals).toMatchObject({
      shows: 2,
      seatsSold: total?.seatsSold,
      gross: total?.gross,
      refunds: total?.refunds,
    });
  });

  it("groups by day, movie and theatre with the same totals; the admin sees every theatre, a manager theirs", async () => {
    const byShow = (await (await report("managerA", "&groupBy=show")).json()) as Report;
    for (const groupBy of ["day", "movie", "theatre"]) {
      const body = (await (await report("managerA", `&groupBy=${groupBy}`)).json()) as Report;
      expect(body.totals).toEqual({ ...byShow.totals });
    }
    const { theatreA, theatreB } = await backOffice();
    const admin = (await (await report("admin", "&groupBy=theatre")).json()) as Report;
    expect(admin.rows.map((r) => r.key)).toEqual(expect.arrayContaining([theatreA, theatreB]));
    const b = (await (await report("managerB", "&groupBy=theatre")).json()) as Report;
    expect(b.rows.map((r) => r.key)).toEqual([theatreB]);
    expect((await report("managerA", `&theatreId=${theatreB}`)).status).toBe(404);
  });

  it("exports the same lines as CSV, by ?format=csv or Accept: text/csv", async () => {
    for (const res of [await report("managerA", "&format=csv"), await report("managerA", "", { accept: "text/csv" })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const lines = (await res.text()).trimEnd().split("\r\n");
      expect(lines[0]?.split(",").slice(0, 5)).toEqual(["key", "label", "shows", "capacity", "seats_sold"]);
      expect(lines).toHaveLength(2 + 2); // header, the two shows, the totals
      expect(lines.at(-1)?.startsWith("total,Total,2,200,")).toBe(true);
    }
  });

  it("is for managers and admins only; bad ranges are 400", async () => {
    for (const [who, status] of [
      ["usherA", 403],
      ["customer", 403],
      ["guest", 403],
      ["nobody", 401],
    ] as const)
      expect((await report(who)).status, who).toBe(status);
    const bad = await as("admin", `/api/v1/admin/reports?from=${to}&to=${from}`);
    expect(bad.status).toBe(400);
    expect((await as("admin", "/api/v1/admin/reports?from=2026-01-01&to=2027-12-31")).status).toBe(400);
    expect((await as("admin", `/api/v1/admin/reports?from=${from}&to=${to}&groupBy=week`)).status).toBe(400);
  });
});
