import type { Order } from "../api/booking";

export type Refund = NonNullable<Order["refund"]>;

/** Why the money is going back, in words (the API's `refund.reason`). */
export function refundReasonWords(reason: Refund["reason"]): string {
  switch (reason) {
    case "SEATS_UNAVAILABLE":
      return "Your payment arrived after the payment window closed, and your seats had been booked by someone else.";
    case "ORDER_CANCELLED":
      return "Your payment arrived after this booking was cancelled.";
    case "SHOW_CLOSED":
      return "Your payment arrived after the show stopped taking bookings.";
    case "CANCELLED":
      return "You cancelled this booking.";
    default:
      return "This booking's payment is being refunded.";
  }
}

export const REFUND_STATUS_LABEL: Record<Refund["status"], string> = {
  pending: "Refund on its way",
  succeeded: "Refunded",
  failed: "Refund failed",
};

/** What happens next with this refund. */
export function refundStatusWords(refund: Refund): string {
  switch (refund.status) {
    case "pending":
      return "Your bank usually shows it within 5–7 working days.";
    case "succeeded":
      return "The money is back with your bank; it may take a few days to show on your statement.";
    case "failed":
      return "The provider could not return the money yet. We retry automatically; nothing is lost.";
  }
}
