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

/**
 * When the money reaches the person, said only as far as we know it: the provider (Stripe) sends a
 * refund back to the card paid with; when it shows is the card's bank's doing (Stripe: "in real
 * time, depending on the card network and issuing bank"), so no promise of a fixed number of days.
 */
export function refundStatusWords(refund: Refund): string {
  switch (refund.status) {
    case "pending":
      return "Going back to the card you paid with. Once sent, your bank decides when it shows: often within a few days, at most around 10 working days.";
    case "succeeded":
      return "Sent back to the card you paid with. Your bank decides when it shows on your statement: often within a few days, at most around 10 working days.";
    case "failed":
      return "The provider could not return the money yet. We retry automatically; nothing is lost.";
  }
}
