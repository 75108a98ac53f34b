import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute } from "../http/openapi-doc";
import { rateLimit } from "../http/rate-limit";
import { type RefusalTable, type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { admissionAnswers } from "../onsale/admission-answers";
import { ADMISSION_HEADER } from "../shared/admission-header";
import {
  cancelOrderDoc,
  confirmPaymentDoc,
  getOrderDoc,
  listOrdersDoc,
  placeOrderDoc,
  startPaymentDoc,
} from "./route-docs";
import { createOrderRequest, orderIdParam, orderListQuery } from "./schemas";
import { type CancelOrderOutcome, cancelOrder } from "./use-cases/cancel-order";
import { type GetOrderOutcome, getOrder } from "./use-cases/get-order";
import { listOrders } from "./use-cases/list-orders";
import { type PlaceOrderOutcome, placeOrder } from "./use-cases/place-order";
import { type StartPaymentOutcome, startPayment } from "./use-cases/start-payment";

type UserEnv = AppEnv & { Variables: { userId: string } };

/** A hold that could not become an order, answered the same wherever an order is placed (the box office too). */
export const placeOrderAnswers: RefusalTable<Refused<PlaceOrderOutcome, "PLACED" | "ALREADY_PLACED">> = {
  HOLD_NOT_FOUND: ["HOLD_NOT_FOUND", "No such hold"],
  HOLD_EXPIRED: ["HOLD_EXPIRED", "This hold has expired; choose your seats again"],
  SEAT_TAKEN: ({ seats }) => ["SEAT_TAKEN", "Some of your seats are no longer held", { seats }],
  SHOW_CLOSED: ["SHOW_CLOSED", "This show no longer takes bookings"],
  HOLD_CHANGED: ["HOLD_CHANGED", "The hold's seats changed while ordering; read the hold and retry"],
  IDEMPOTENCY_KEY_REUSED: ["IDEMPOTENCY_KEY_REUSED", "This hold already became an order that is no longer pending"],
  ...admissionAnswers,
};

/** What each route answers for each refused outcome. */
const refused = {
  placeOrder: refusals(placeOrderAnswers),
  getOrder: refusals<Refused<GetOrderOutcome, "FOUND">>({
    ORDER_NOT_FOUND: ["ORDER_NOT_FOUND", "No such order"],
  }),
  startPayment: refusals<Refused<StartPaymentOutcome, "STARTED">>({
    ORDER_NOT_FOUND: ["ORDER_NOT_FOUND", "No such order"],
    ORDER_EXPIRED: ["ORDER_EXPIRED", "The payment window has passed and the seats were released"],
    ORDER_CANCELLED: ["ORDER_CANCELLED", "This order was cancelled"],
    ORDER_ALREADY_PAID: ["ORDER_ALREADY_PAID", "This order is already paid"],
    SHOW_CLOSED: ["SHOW_CLOSED", "This show no longer takes bookings; the order cannot be paid"],
    PROVIDER_UNAVAILABLE: ["PAYMENT_PROVIDER_UNAVAILABLE", "The payment provider is not answering; retry"],
  }),
  cancelOrder: refusals<Refused<CancelOrderOutcome, "CANCELLED">>({
    ORDER_NOT_FOUND: ["ORDER_NOT_FOUND", "No such order"],
    NOT_CANCELLABLE: ({ reason, status }) => ["NOT_CANCELLABLE", reason, { status }],
  }),
};

const ordersRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => `orders:${c.var.userId}`);
const cancelRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => `cancels:${c.var.userId}`);

export const orderRoutes = new Hono<AppEnv>()
  .post(
    "/orders",
    describeRoute(placeOrderDoc),
    requireUser,
    ordersRateLimit,
    validate("json", createOrderRequest),
    async (c) => {
      const { holdId, seatIds, customer } = c.req.valid("json");
      const result = await placeOrder(depsOf(c), {
        userId: c.var.userId,
        holdId,
        seatIds,
        customer,
        admissionToken: c.req.header(ADMISSION_HEADER),
      });
      if (result.outcome !== "PLACED" && result.outcome !== "ALREADY_PLACED") throw refused.placeOrder(result);
      return c.json(result.order, result.outcome === "PLACED" ? 201 : 200, {
        Location: `/api/v1/orders/${result.order.orderId}`,
      });
    },
  )
  .get("/orders", describeRoute(listOrdersDoc), requireUser, validate("query", orderListQuery), async (c) => {
    const result = await listOrders(depsOf(c), {
      userId: c.var.userId,
      ...c.req.valid("query"),
    });
    return c.json(result.page, 200, noStore);
  })
  .get("/orders/:orderId", describeRoute(getOrderDoc), requireUser, validate("param", orderIdParam), async (c) => {
    const result = await getOrder(depsOf(c), {
      orderId: c.req.valid("param").orderId,
      userId: c.var.userId,
    });
    if (result.outcome !== "FOUND") throw refused.getOrder(result);
    return c.json(result.order, 200, noStore);
  })
  .post(
    "/orders/:orderId/payment",
    describeRoute(startPaymentDoc),
    requireUser,
    ordersRateLimit,
    validate("param", orderIdParam),
    async (c) => {
      const result = await startPayment(depsOf(c), { orderId: c.req.valid("param").orderId, userId: c.var.userId });
      if (result.outcome !== "STARTED") throw refused.startPayment(result);
      return c.json({ url: result.url }, 200, noStore);
    },
  )
  // A status read, kept for old clients: only the provider's verified webhook confirms an order.
  .post(
    "/orders/:orderId/confirm-payment",
    describeRoute(confirmPaymentDoc),
    requireUser,
    validate("param", orderIdParam),
    async (c) => {
      const result = await getOrder(depsOf(c), { orderId: c.req.valid("param").orderId, userId: c.var.userId });
      if (result.outcome !== "FOUND") throw refused.getOrder(result);
      if (result.order.status !== "CONFIRMED") {
        throw new ApiError("PAYMENT_NOT_RECEIVED", "No payment has confirmed this order; pay with POST /payment", {
          status: result.order.status,
        });
      }
      return c.json(result.order, 200, noStore);
    },
  )
  .post(
    "/orders/:orderId/cancel",
    describeRoute(cancelOrderDoc),
    requireUser,
    cancelRateLimit,
    validate("param", orderIdParam),
    async (c) => {
      const result = await cancelOrder(depsOf(c), {
        orderId: c.req.valid("param").orderId,
        userId: c.var.userId,
      });
      if (result.outcome !== "CANCELLED") throw refused.cancelOrder(result);
      return c.json(result.order, 200);
    },
  );
