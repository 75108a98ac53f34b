import { describe, expect, it } from "vitest";
import type { SeatLayout } from "../../src/domain/seat-layout";
import { renderBookingEmail } from "../../src/jobs/email/render";
import { receiptOf } from "../../src/orders/receipt";

const hall: SeatLayout = {
  categories: [
    { code: "RECLINER", name: "Recliner", surcharge: "250.00" },
    { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
  ],
  rows: [
    { label: "A", category: "CLASSIC", columns: [1, 2, 3] },
    { label: "H", category: "RECLINER", columns: [1, 2] },
  ],
};

describe("receiptOf", () => {
  it("one line per category in the layout's order, the fee, and a total that is the order's", () => {
    expect(receiptOf(hall, { price: "199.50", categoryPrices: null }, ["A2", "H1", "A1"], "30.00", "878.50")).toEqual({
      lines: [
        { category: "RECLINER", name: "Recliner", seatIds: ["H1"], quantity: 1, unitPrice: "449.50", amount: "449.50" },
        {
          category: "CLASSIC",
          name: "Classic",
          seatIds: ["A1", "A2"],
          quantity: 2,
          unitPrice: "199.50",
          amount: "399.00",
        },
      ],
      convenienceFee: "30.00",
      total: "878.50",
    });
  });

  it("never disagrees with what was charged: prices changed since → one line at what the seats cost", () => {
    const receipt = receiptOf(hall, { price: "250.00", categoryPrices: null }, ["A1", "A2"], "0.00", "399.00");
    expect(receipt.lines).toEqual([
      { category: "SEATS", name: "Seats", seatIds: ["A1", "A2"], quantity: 2, unitPrice: "199.50", amount: "399.00" },
    ]);
    expect(receipt.total).toBe("399.00");
  });
});

/** The whole order's refund, asked for on 10 March 2024 at noon IST and not yet paid out. */
const pendingRefund = (reason: string) => ({
  amount: "878.50",
  requestedAt: "2024-03-10T06:30:00.000Z",
  status: "pending" as const,
  reason,
});

describe("payment emails", () => {
  const base = {
    orderId: "3f9d2c1e-8a7b-4c6d-9e0f-1a2b3c4d5e6f",
    customerName: "Priya",
    customerEmail: "priya@example.com",
    ticketCode: "BMS30F12E2E",
    seatIds: ["H1", "A1", "A2"],
    amount: "878.50",
    movieTitle: "Kalki 2898 AD",
    theatreName: "PVR",
    theatreAddress: null,
    startTime: "2024-03-15T14:00:00.000Z",
    receipt: receiptOf(hall, { price: "199.50", categoryPrices: null }, ["A2", "H1", "A1"], "30.00", "878.50"),
  };

  it("the ticket email itemises seats by category, the fee and the total", () => {
    const { text } = renderBookingEmail("order.confirmed", base);
    expect(text).toContain("Recliner × 1");
    expect(text).toContain("Classic × 2");
    expect(text).toMatch(/Convenience fee:\s+₹30\.00/);
    expect(text).toMatch(/Amount paid:\s+₹878\.50/);
  });

  it("the cancellation email says how much is refunded and when", () => {
    const refund = pendingRefund("CANCELLED");
    const { text } = renderBookingEmail("order.cancelled", { ...base, refund });
    expect(text).toContain("A refund of ₹878.50 was issued on Sunday, 10 March 2024, 12:00 PM IST");
  });

  it("the late-payment email says the seats were gone and the money is refunded in full", () => {
    const refund = pendingRefund("SEATS_UNAVAILABLE");
    const { subject, text, html } = renderBookingEmail("order.refunded", { ...base, ticketCode: null, refund });
    expect(subject).toMatch(/^Payment refunded: Kalki 2898 AD/);
    expect(text).toContain("booked by someone else");
    expect(text).toContain("We refunded all of it, ₹878.50, on Sunday, 10 March 2024, 12:00 PM IST");
    expect(html).toContain("₹878.50 (in full)");
  });
});
