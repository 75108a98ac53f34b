import { describe, expect, it } from "vitest";
import { type GroupedBooking, groupBookings } from "../../web/src/features/bookings/lib/booking-groups.ts";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const booking = (id: string, status: GroupedBooking["status"], showIn: number, expiresIn = -60) => ({
  id,
  status,
  expiresAt: at(expiresIn),
  show: { startTime: at(showIn) },
});

describe("web My bookings: upcoming and past apart", () => {
  it("keeps confirmed and still-payable bookings of shows ahead as upcoming, soonest first", () => {
    const orders = [
      booking("later", "CONFIRMED", 600),
      booking("soon", "CONFIRMED", 60),
      booking("paying", "PAYMENT_PENDING", 300, 5),
      booking("cancelled", "CANCELLED", 120),
      booking("lapsed", "PAYMENT_PENDING", 300, -1),
      booking("expired", "EXPIRED", 400),
      booking("seen", "CONFIRMED", -600),
      booking("seen-last-night", "CONFIRMED", -60),
    ];
    const { upcoming, past } = groupBookings(orders, NOW);
    expect(upcoming.map((o) => o.id)).toEqual(["soon", "paying", "later"]);
    // Past: latest show first; a cancelled booking of a show still ahead is no longer upcoming.
    expect(past.map((o) => o.id)).toEqual(["expired", "lapsed", "cancelled", "seen-last-night", "seen"]);
  });
});
