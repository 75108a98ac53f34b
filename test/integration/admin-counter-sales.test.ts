// The box office (docs/API.md: Back office, box office): staff hold seats on the same seat map as
// everyone, the hold becomes an order for a walk-in buyer, paid at the counter — recorded as such,
// with the same signed ticket and receipt as an online booking.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema";
import { decodeTicketToken } from "../../src/shared/ticket-token";
import { queuedDuring } from "./accounts-helpers";
import { as, auditOf, backOffice, holdAs, showAt, showPath } from "./admin-ops-fixtures";
import { db, newUser, postHold, seatMap, statesOf } from "./fixtures";
import { errorOf } from "./http";

const walkIn = { name: "Ravi Kumar", phone: "+91 99887 76655" };

const sell = (
  showId: string,
  holdId: string,
  customer: Record<string, string> = walkIn,
  who: "managerA" | "usherA" | "managerB" = "managerA",
) => as(who, showPath(showId, "counter-sales"), { method: "POST", json: { holdId, customer } });

interface Sale {
  order: { orderId: string; status: string; seatIds: string[]; ticketCode: string; receipt: { total: string } };
  ticket: { token: string; ticketCode: string };
}

describe("a counter sale", () => {
  it("confirms the staff member's hold at once as a counter payment, with the same signed ticket", async () => {
    const { userIds } = await backOffice();
    const showId = await showAt("A");
    const holdId = await holdAs("managerA", showId, ["D4", "D5"]);
    const queued = await queuedDuring(async () => {
      const res = await sell(showId, holdId);
      expect(res.status).toBe(201);
      const sale = (await res.json()) as Sale;
      expect(sale.order).toMatchObject({ status: "CONFIRMED", seatIds: ["D4", "D5"], receipt: { total: "400.00" } });
      const decoded = decodeTicketToken(sale.ticket.token);
      expect("ticket" in decoded && decoded.ticket).toMatchObject({
        orderId: sale.order.orderId,
        showId,
        seatIds: ["D4", "D5"],
        ticketCode: sale.order.ticketCode,
        holder: walkIn.name,
      });
      const [row] = await db().select().from(orders).where(eq(orders.id, sale.order.orderId));
      expect(row).toMatchObject({
        paymentMethod: "counter",
        soldBy: userIds.managerA,
        customerEmail: null,
        paymentIntentId: null,
      });
      expect(row?.paidAt).not.toBeNull();
      expect((await auditOf(sale.order.orderId)).map((a) => [a.action, a.actorUserId])).toEqual([
        ["counter_sale.create", userIds.managerA],
      ]);

      // A retry answers the same sale; the seats are sold on the customers' seat map.
      const again = await sell(showId, holdId);
      expect(again.status).toBe(200);
      expect(((await again.json()) as Sale).order.ticketCode).toBe(sale.order.ticketCode);
      expect(statesOf(await seatMap(showId)).get("D5")?.state).toBe("BOOKED");
      expect((await postHold(newUser("after-counter"), showId, ["D5"])).status).toBe(409);
    });
    // No address, no email.
    expect(queued.filter((m) => m.type === "order.confirmed")).toEqual([]);
  });

  it("emails the ticket when the buyer gives an address", async () => {
    const showId = await showAt("A");
    const holdId = await holdAs("managerA", showId, ["H1"]);
    let orderId = "";
    const queued = await queuedDuring(async () => {
      const res = await sell(showId, holdId, { ...walkIn, email: "ravi@example.com" });
      expect(res.status).toBe(201);
      orderId = ((await res.json()) as Sale).order.orderId;
    });
    expect(queued).toContainEqual({ type: "order.confirmed", orderId });
  });

  it("sells only the caller's own hold of this show; ushers and other theatres' staff are refused", async () => {
    const showId = await showAt("A");
    const other = await showAt("A");
    const mine = await holdAs("managerA", other, ["A1"]);
    const res = await sell(showId, mine);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("HOLD_NOT_FOUND");

    const customers = (await (await postHold(newUser("not-staff"), showId, ["B1"])).json()) as { holdId: string };
    expect((await sell(showId, customers.holdId)).status).toBe(404);
    const ushers = await holdAs("usherA", showId, ["C1"]);
    expect((await sell(showId, ushers, walkIn, "usherA")).status).toBe(403);
    expect((await sell(showId, ushers, walkIn, "managerB")).status).toBe(404);
    expect(statesOf(await seatMap(showId)).get("B1")?.state).toBe("HELD");
    expect(await db().select().from(orders).where(eq(orders.showId, showId))).toEqual([]);
  });
});
