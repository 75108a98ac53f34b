/** The few fields that decide where a booking belongs (an API order view has them all). */
export interface GroupedBooking {
  status: "CONFIRMED" | "PAYMENT_PENDING" | "EXPIRED" | "CANCELLED";
  expiresAt: string;
  show: { startTime: string };
}

/**
 * My bookings, upcoming and past apart: "upcoming" is a booking that still gets someone into a
 * show (confirmed, or awaiting a payment that can still be made) for a show not yet started,
 * soonest first; everything else (shown, cancelled, refunded, expired) is past, latest show first.
 */
export function groupBookings<T extends GroupedBooking>(orders: T[], now = Date.now()): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const order of orders) {
    const ahead = new Date(order.show.startTime).getTime() > now;
    const live =
      order.status === "CONFIRMED" || (order.status === "PAYMENT_PENDING" && new Date(order.expiresAt).getTime() > now);
    (ahead && live ? upcoming : past).push(order);
  }
  const start = (o: T) => new Date(o.show.startTime).getTime();
  upcoming.sort((a, b) => start(a) - start(b));
  past.sort((a, b) => start(b) - start(a));
  return { upcoming, past };
}
