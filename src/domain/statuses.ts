/** The states of a show and of an order, shared by the schema, the API and the web UI. */
export const SHOW_STATUSES = ["AVAILABLE", "FILLING_FAST", "ALMOST_FULL", "CANCELLED"] as const;
export type ShowStatus = (typeof SHOW_STATUSES)[number];

export const ORDER_STATUSES = ["PAYMENT_PENDING", "CONFIRMED", "EXPIRED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
