/** The states of a show and of an order, shared by the schema, the API and the web UI. */
export const SHOW_STATUSES = ["AVAILABLE", "FILLING_FAST", "ALMOST_FULL", "CANCELLED"] as const;
export type ShowStatus = (typeof SHOW_STATUSES)[number];

export const ORDER_STATUSES = ["PAYMENT_PENDING", "CONFIRMED", "EXPIRED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A refund owed on an order: pending until the provider settles it, then succeeded or failed. */
export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * Why money goes back: the customer cancelled, it arrived when the order could no longer be filled,
 * or the theatre cancelled the show.
 */
export const REFUND_REASONS = [
  "CANCELLED",
  "SEATS_UNAVAILABLE",
  "ORDER_CANCELLED",
  "SHOW_CLOSED",
  "SHOW_CANCELLED",
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export {
  HOUSE_SEAT_REASONS,
  type HouseSeatReason,
  PAYMENT_METHODS,
  type PaymentMethod,
} from "../shared/admin-ops-schemas";
