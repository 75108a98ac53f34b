import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { showBookingInfo } from "../catalog/show-info";
import { databaseOf, postgresErrorOf } from "../db/client";
import { showIdOfHold } from "../domain/hold-id";
import { cancellationVerdict } from "../domain/order-rules";
import { seatIdsOf } from "../domain/seat-layout";
import { priceSelection } from "../domain/seat-selection";
import { newTicketCode } from "../domain/ticket-code";
import { ApiError } from "../http/errors";
import { errorResponse, jsonResponse } from "../http/openapi-doc";
import { rateLimit } from "../http/rate-limit";
import { log } from "../http/request-log";
import { validate } from "../http/validate";
import { seatStoreOf } from "../seats/seat-store";
import { enqueueEmail } from "./emails";
import {
  cancelOrder,
  confirmOrder,
  findOrder,
  findOrderOfHold,
  insertOrder,
  listOrders,
  type OrderRow,
  orderViewOf,
} from "./order-store";
import { paymentProvider } from "./payments";
import { createOrderRequest, orderIdParam, orderListQuery, orderListSchema, orderSchema } from "./schemas";

type UserEnv = AppEnv & { Variables: { userId: string } };
type Ctx = { var: UserEnv["Variables"] };

const orderNotFound = () => new ApiError("ORDER_NOT_FOUND", "No such order");
const holdNotFound = () => new ApiError("HOLD_NOT_FOUND", "No such hold");
const view = (c: Ctx, row: OrderRow) => orderViewOf(row, new Date(), c.var.config.CANCELLATION_CUTOFF_MINUTES);

const commonErrors = {
  400: errorResponse("Invalid input"),
  401: errorResponse("No identity"),
  404: errorResponse("Unknown order or hold, or not yours"),
  429: errorResponse("Too many requests"),
  503: errorResponse("A backing service is unavailable; nothing was changed"),
};

const ordersRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => `orders:${c.var.userId}`);

export const orderRoutes = new Hono<AppEnv>()
  .post(
    "/orders",
    describeRoute({
      tags: ["Orders"],
      summary: "Turn the caller's hold into an order awaiting payment",
      description:
        "One Redis call (the hold becomes an order hold, its seats locked for the payment window) and one database transaction. The same hold always gives the same order.",
      responses: {
        201: jsonResponse("The order, PAYMENT_PENDING until expiresAt", orderSchema),
        200: jsonResponse("This hold's order, made by an earlier request", orderSchema),
        ...commonErrors,
        409: errorResponse("SEAT_TAKEN (sold meanwhile) or SHOW_CLOSED"),
        410: errorResponse("The hold has expired"),
      },
    }),
    requireUser,
    ordersRateLimit,
    validate("json", createOrderRequest),
    async (c) => {
      const { holdId, customer } = c.req.valid("json");
      const { config, userId } = c.var;
      const showId = showIdOfHold(holdId) as string;
      const db = databaseOf(config);
      const store = seatStoreOf(config);
      const info = await showBookingInfo(db, showId);
      if (!info) throw holdNotFound();
      const hallSeatIds = seatIdsOf(info.layout);
      const now = Date.now();
      const orderId = crypto.randomUUID();
      const paymentWindowMs = config.PAYMENT_WINDOW_SECONDS * 1000;

      const claim = await store.orderHold(showId, holdId, { userId, orderId, now, paymentWindowMs, hallSeatIds });
      if (claim.outcome === "HOLD_NOT_FOUND") throw holdNotFound();
      if (claim.outcome === "HOLD_EXPIRED")
        throw new ApiError("HOLD_EXPIRED", "This hold has expired; choose your seats again");
      if (claim.outcome === "SEAT_TAKEN") {
        throw new ApiError("SEAT_TAKEN", "Some of your seats are no longer held", { seats: claim.seats });
      }
      const { hold } = claim;
      const existingOrderId = hold.orderId;
      if (claim.outcome === "ALREADY_ORDERED") {
        const existing = await findOrderOfHold(db, holdId, userId);
        if (existing) return c.json(view(c, existing), 200);
        // An earlier attempt claimed the hold but its transaction never landed: write it now.
      }

      // The seats' category surcharges; the base price is added from the show row in Postgres.
      const surchargeTotal = priceSelection(info.layout, "0.00", hold.seatIds).amount;
      let row: OrderRow | undefined;
      try {
        row = await insertOrder(db, {
          orderId: existingOrderId,
          userId,
          showId,
          holdId,
          seatIds: hold.seatIds,
          customer,
          surchargeTotal,
          expiresAt: new Date(hold.expiresAtMs),
        });
      } catch (error) {
        const pg = postgresErrorOf(error);
        if (pg?.code === "23505" && pg.constraint === "order_seats_pkey") {
          // Postgres already sold one of these seats (Redis had lost it): this hold can never be paid.
          await undo(c, hold, existingOrderId, "RELEASE");
          throw new ApiError("SEAT_TAKEN", "Some of these seats were sold meanwhile; please choose again", {
            seats: hold.seatIds,
          });
        }
        await undo(c, hold, existingOrderId, "RESTORE");
        throw error;
      }
      if (!row) {
        await undo(c, hold, existingOrderId, "RELEASE");
        throw new ApiError("SHOW_CLOSED", "This show no longer takes bookings");
      }
      return c.json(view(c, row), row.order_id === orderId ? 201 : 200, { Location: `/api/v1/orders/${row.order_id}` });
    },
  )
  .get(
    "/orders",
    describeRoute({
      tags: ["Orders"],
      summary: "The caller's orders, newest first",
      responses: { 200: jsonResponse("A page of orders", orderListSchema), ...commonErrors },
    }),
    requireUser,
    validate("query", orderListQuery),
    async (c) => {
      const { page, pageSize } = c.req.valid("query");
      const { rows, total } = await listOrders(databaseOf(c.var.config), c.var.userId, page, pageSize);
      return c.json(
        { items: rows.map((r) => view(c, r)), page, pageSize, total, totalPages: Math.ceil(total / pageSize) },
        200,
        { "Cache-Control": "no-store" },
      );
    },
  )
  .get(
    "/orders/:orderId",
    describeRoute({
      tags: ["Orders"],
      summary: "The caller's order with its show, movie and theatre",
      responses: { 200: jsonResponse("The order", orderSchema), ...commonErrors },
    }),
    requireUser,
    validate("param", orderIdParam),
    async (c) => {
      const row = await findOrder(databaseOf(c.var.config), c.req.valid("param").orderId, c.var.userId);
      if (!row) throw orderNotFound();
      return c.json(view(c, row), 200, { "Cache-Control": "no-store" });
    },
  )
  .post(
    "/orders/:orderId/confirm-payment",
    describeRoute({
      tags: ["Orders"],
      summary: "Payment succeeded: CONFIRMED with a ticket code (simulated payment provider)",
      description:
        "One database statement and one Redis call, then the confirmation email is queued. Repeats return the same ticket.",
      responses: {
        200: jsonResponse("The confirmed order with its ticketCode", orderSchema),
        ...commonErrors,
        402: errorResponse("The payment provider declined"),
        409: errorResponse("The order was cancelled"),
        410: errorResponse("The payment window has passed; the seats were released"),
      },
    }),
    requireUser,
    validate("param", orderIdParam),
    async (c) => {
      const { orderId } = c.req.valid("param");
      const { config, userId } = c.var;
      const db = databaseOf(config);
      const verdict = await paymentProvider.verify({ orderId, headers: c.req.raw.headers, body: await c.req.text() });
      if (!verdict.approved) throw new ApiError("PAYMENT_DECLINED", verdict.reason);

      const result = await confirmWithFreshCode(db, orderId, userId);
      if (!result) throw orderNotFound();
      const { row } = result;
      if (result.row.changed) {
        // Redis learns the seats are sold; if this fails, the cron rebuilds it from order_seats.
        await seatStoreOf(config)
          .settleOrderSeats(
            { showId: row.show_id, holdId: row.hold_id, userId, seatIds: row.seat_ids, orderId },
            "BOOK",
          )
          .catch((error: unknown) =>
            log("warn", "booked seats not written to Redis; the cron will repair", { orderId, error: String(error) }),
          );
        await enqueueEmail(c.env, { type: "order.confirmed", orderId });
        log("info", "order confirmed", { requestId: c.var.requestId, orderId, provider: paymentProvider.name });
      }
      switch (row.status) {
        case "CONFIRMED":
          return c.json(view(c, row), 200);
        case "PAYMENT_PENDING":
        case "EXPIRED":
          throw new ApiError("ORDER_EXPIRED", "The payment window has passed and the seats were released");
        case "CANCELLED":
          throw new ApiError("ORDER_CANCELLED", "This order was cancelled");
      }
    },
  )
  .post(
    "/orders/:orderId/cancel",
    describeRoute({
      tags: ["Orders"],
      summary: "Cancel: unpaid orders any time before their deadline; paid ones where the theatre allows",
      responses: {
        200: jsonResponse("The cancelled order", orderSchema),
        ...commonErrors,
        409: errorResponse("Not cancellable (the reason says why)"),
      },
    }),
    requireUser,
    validate("param", orderIdParam),
    async (c) => {
      const { orderId } = c.req.valid("param");
      const { config, userId } = c.var;
      const result = await cancelOrder(databaseOf(config), orderId, userId, config.CANCELLATION_CUTOFF_MINUTES);
      if (!result) throw orderNotFound();
      const { row } = result;
      if (row.changed) {
        await seatStoreOf(config)
          .settleOrderSeats(
            { showId: row.show_id, holdId: row.hold_id, userId, seatIds: row.seat_ids, orderId },
            "FREE",
          )
          .catch((error: unknown) =>
            log("warn", "cancelled seats not freed in Redis; the cron will repair", { orderId, error: String(error) }),
          );
        if (row.previous_status === "CONFIRMED") await enqueueEmail(c.env, { type: "order.cancelled", orderId });
        return c.json(view(c, row), 200);
      }
      if (row.status === "CANCELLED") return c.json(view(c, row), 200);
      const verdict = cancellationVerdict(
        { status: row.status, expiresAt: row.expires_at },
        { startTime: row.start_time, cancellationAvailable: row.cancellation_available },
        new Date(),
        config.CANCELLATION_CUTOFF_MINUTES,
      );
      throw new ApiError("NOT_CANCELLABLE", verdict.allowed ? "This order cannot be cancelled now" : verdict.reason, {
        status: row.status,
      });
    },
  );

/** Ticket codes are random; on the rare clash with an existing code, draw again. */
async function confirmWithFreshCode(db: ReturnType<typeof databaseOf>, orderId: string, userId: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await confirmOrder(db, orderId, userId, newTicketCode());
    } catch (error) {
      const pg = postgresErrorOf(error);
      if (attempt >= 3 || pg?.code !== "23505" || pg.constraint !== "orders_ticket_code_key") throw error;
    }
  }
}

/** Best effort: if Redis is down too, the order hold simply lapses at the payment deadline. */
async function undo(
  c: Ctx,
  hold: Parameters<ReturnType<typeof seatStoreOf>["undoOrderHold"]>[0],
  orderId: string,
  mode: "RESTORE" | "RELEASE",
) {
  await seatStoreOf(c.var.config)
    .undoOrderHold(hold, orderId, mode, Date.now())
    .catch((error: unknown) => log("warn", "order hold not undone", { orderId, mode, error: String(error) }));
}
