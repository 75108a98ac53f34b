import type { OrderStatus } from "../db/schema";
import { cancellationWindowOf, type TheatrePolicy } from "./cancellation-policy";

/**
 * When a booking may be cancelled by its customer: an unpaid order any time before its payment
 * deadline; a paid one only within its theatre's window (policy and cut-off, cancellation-policy.ts).
 */
export function cancellationVerdict(
  order: { status: OrderStatus; expiresAt: string },
  show: { startTime: string; policy: TheatrePolicy },
  now: Date,
  defaultCutoffMinutes: number,
): { allowed: true } | { allowed: false; reason: string } {
  switch (order.status) {
    case "PAYMENT_PENDING":
      return new Date(order.expiresAt).getTime() > now.getTime()
        ? { allowed: true }
        : { allowed: false, reason: "This order's payment window has passed" };
    case "CONFIRMED": {
      if (!show.policy.cancellationAvailable) {
        return { allowed: false, reason: "This theatre does not allow cancellations" };
      }
      if (!cancellationWindowOf(show.policy, show.startTime, defaultCutoffMinutes, now)) {
        const cutoff = show.policy.cutoffMinutes ?? defaultCutoffMinutes;
        return { allowed: false, reason: `Bookings can be cancelled until ${cutoff} minutes before the show` };
      }
      return { allowed: true };
    }
    case "CANCELLED":
      return { allowed: false, reason: "This order is already cancelled" };
    case "EXPIRED":
      return { allowed: false, reason: "This order has expired" };
  }
}
