import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { rateLimit } from "../http/rate-limit";
import { validate } from "../http/validate";
import {
  cancelOrderDoc,
  confirmPaymentDoc,
  getOrderDoc,
  listOrdersDoc,
  placeOrderDoc,
  startPaymentDoc,
} from "./route-docs";
import { createOrderRequest, orderIdParam, orderListQuery } from "./schemas";
import { cancelOrder } from "./use-cases/cancel-order";
import { getOrder } from "./use-cases/get-order";
import { listOrders } from "./use-cases/list-orders";
import { placeOrder } from "./use-cases/place-order";
import { startPayment } from "./use-cases/start-payment";

type UserEnv = AppEnv & { Variables: { userId: string } };

/** Compile-time check that a switch over outcomes is exhaustive. */
const unreachable = (outcome: never): never => {
  throw new Error(`unhandled outcome ${JSON.stringify(outcome)}`);
};

const noStore = { "Cache-Control": "no-store" };

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
      const { holdId, customer } = c.req.valid("json");
      const result = await placeOrder(depsOf(c), { userId: c.var.userId, holdId, customer });
      switch (result.outcome) {
        case "PLACED":
        case "ALREADY_PLACED":
          return c.json(result.order, result.outcome === "PLACED" ? 201 : 200, {
            Location: `/api/v1/orders/${result.order.orderId}`,
          });
        case "HOLD_NOT_FOUND":
          throw new ApiError("HOLD_NOT_FOUND", "No such hold");
        case "HOLD_EXPIRED":
          throw new ApiError("HOLD_EXPIRED", "This hold has expired; choose your seats again");
        case "SEAT_TAKEN":
          throw new ApiError("SEAT_TAKEN", "Some of your seats are no longer held", { seats: result.seats });
        case "SHOW_CLOSED":
          throw new ApiError("SHOW_CLOSED", "This show no longer takes bookings");
        case "IDEMPOTENCY_KEY_REUSED":
          throw new ApiError("IDEMPOTENCY_KEY_REUSED", "This hold already became an order that is no longer pending");
        default:
          return unreachable(result);
      }
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
    if (result.outcome === "ORDER_NOT_FOUND") throw new ApiError("ORDER_NOT_FOUND", "No such order");
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
      switch (result.outcome) {
        case "STARTED":
          return c.json({ url: result.url }, 200, noStore);
        case "ORDER_NOT_FOUND":
          throw new ApiError("ORDER_NOT_FOUND", "No such order");
        case "ORDER_EXPIRED":
          throw new ApiError("ORDER_EXPIRED", "The payment window has passed and the seats were released");
        case "ORDER_CANCELLED":
          throw new ApiError("ORDER_CANCELLED", "This order was cancelled");
        case "ORDER_ALREADY_PAID":
          throw new ApiError("ORDER_ALREADY_PAID", "This order is already paid");
        case "SHOW_CLOSED":
          throw new ApiError("SHOW_CLOSED", "This show no longer takes bookings; the order cannot be paid");
        case "PROVIDER_UNAVAILABLE":
          throw new ApiError("PAYMENT_PROVIDER_UNAVAILABLE", "The payment provider is not answering; retry");
        default:
          return unreachable(result);
      }
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
      if (result.outcome === "ORDER_NOT_FOUND") throw new ApiError("ORDER_NOT_FOUND", "No such order");
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
      switch (result.outcome) {
        case "CANCELLED":
          return c.json(result.order, 200);
        case "ORDER_NOT_FOUND":
          throw new ApiError("ORDER_NOT_FOUND", "No such order");
        case "NOT_CANCELLABLE":
          throw new ApiError("NOT_CANCELLABLE", result.reason, { status: result.status });
        default:
          return unreachable(result);
      }
    },
  );
