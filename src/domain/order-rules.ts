import type { OrderStatus } from "../db/schema";

/**
 * When a booking may be cancelled by its customer: an unpaid order any time before its payment
 * deadline; a paid one only where the theatre allows refunds and the show is far enough away.
 */
export function cancellationVerdict(
  order: { status: OrderStatus; expiresAt: string },
  show: { startTime: string; cancellationAvailable: boolean },
  now: Date,
  cutoffMinutes: number,
): { allowed: true } | { allowed: false; reason: string } {
  switch (order.status) {
    case "PAYMENT_PENDING":
      return new Date(order.expiresAt).getTime() > now.getTime()
        ? { allowed: true }
        : { allowed: false, reason: "This order's payment window has passed" };
    case "CONFIRMED":
      if (!show.cancellationAvailable) return { allowed: false, reason: "This theatre does not allow cancellations" };
      if (new Date(show.startTime).getTime() - now.getTime() <= cutoffMinutes * 60_000) {
        return { allowed: false, reason: `Bookings can be cancelled until ${cutoffMinutes} minutes before the show` };
      }
      return { allowed: true };
    case "CANCELLED":
      return { allowed: false, reason: "This order is already cancelled" };
    case "EXPIRED":
      return { allowed: false, reason: "This order has expired" };
  }
}
