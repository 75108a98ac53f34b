import { errorResponse, errorResponses, jsonResponse, type RouteDoc, undescribed } from "../http/openapi-doc";
import { orderListSchema, orderSchema, startPaymentSchema } from "./schemas";

/** The OpenAPI description of each order route: every status it answers with. */
const commonErrors = ROUTE_DOCS && {
  400: errorResponse("Invalid input"),
  401: errorResponse("No identity"),
  404: errorResponse("Unknown order or hold, or not yours"),
  429: errorResponse("Too many requests"),
  503: errorResponse("A backing service is unavailable; nothing was changed"),
};

export const placeOrderDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Orders"],
      summary: "Turn the caller's hold into an order awaiting payment",
      description:
        "One Redis call (the hold, on the seats named in `seatIds`, becomes an order hold, its seats locked for the payment window) and one database transaction, at the same time: one round trip. Without `seatIds` the hold is read first. The same hold always gives the same order. On a show of an on-sale event send the Admission-Token the hold was made with (past its window too): an admission buys one order at a time.",
      responses: {
        201: jsonResponse("The order, PAYMENT_PENDING until expiresAt", orderSchema),
        200: jsonResponse("This hold's order, made by an earlier request", orderSchema),
        ...commonErrors,
        409: errorResponse("SEAT_TAKEN (sold meanwhile), SHOW_CLOSED, HOLD_CHANGED, or IDEMPOTENCY_KEY_REUSED"),
        410: errorResponse("HOLD_EXPIRED: the hold has expired"),
        403: errorResponse(
          "On an on-sale show: ADMISSION_REQUIRED (no Admission-Token), or ADMISSION_REFUSED (`reason` NOT_YOURS; ENDED: the admission has a live or paid order already)",
        ),
      },
    }
  : undescribed;

/** A read of the caller's orders: only the summary and the answer differ. */
const orderReadDoc = (summary: string, ok: ReturnType<typeof jsonResponse>): RouteDoc => ({
  tags: ["Orders"],
  summary,
  responses: { 200: ok, ...commonErrors },
});

export const listOrdersDoc: RouteDoc = ROUTE_DOCS
  ? orderReadDoc("The caller's orders, newest first", jsonResponse("A page of orders", orderListSchema))
  : undescribed;

export const getOrderDoc: RouteDoc = ROUTE_DOCS
  ? orderReadDoc("The caller's order with its show, movie and theatre", jsonResponse("The order", orderSchema))
  : undescribed;

export const startPaymentDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Orders"],
      summary: "Pay: the provider's checkout page for the caller's order awaiting payment",
      description:
        "Creates the order's one Stripe Checkout Session (amount from the database, a line per seat category and the convenience fee) and returns its URL; a repeat returns the same session. One database read, then one provider call and one database write the first time. The order is confirmed only by the provider's webhook.",
      responses: {
        200: jsonResponse("Where to send the customer", startPaymentSchema),
        ...commonErrors,
        ...errorResponses(
          "ORDER_CANCELLED",
          "ORDER_ALREADY_PAID",
          "SHOW_CLOSED",
          "ORDER_EXPIRED",
          "PAYMENT_PROVIDER_UNAVAILABLE",
        ),
      },
    }
  : undescribed;

export const confirmPaymentDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Orders"],
      summary: "A status read (it confirms nothing): the order once the provider's webhook confirmed it",
      description:
        "Kept for old clients. Orders are confirmed only by the payment provider's verified webhook; pay with POST /orders/{orderId}/payment. One database read; never a change.",
      responses: {
        200: jsonResponse("The confirmed order with its ticketCode", orderSchema),
        ...commonErrors,
        ...errorResponses("PAYMENT_NOT_RECEIVED"),
      },
    }
  : undescribed;

export const cancelOrderDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Orders"],
      summary: "Cancel: unpaid orders any time before their deadline; paid ones where the theatre allows",
      description: "Repeats answer 200 with the cancelled order.",
      responses: {
        200: jsonResponse("The cancelled order", orderSchema),
        ...commonErrors,
        409: errorResponse("NOT_CANCELLABLE (the reason says why)"),
      },
    }
  : undescribed;
