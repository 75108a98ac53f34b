import { postgresErrorOf } from "../../db/client";
import type { Deps } from "../../deps";
import { newTicketCode } from "../../domain/ticket-code";
import { log } from "../../http/request-log";
import { confirmOrder, type OrderRow } from "../order-store";
import { orderViewOf } from "../order-view";
import type { OrderView } from "../schemas";

export type ConfirmPaymentOutcome =
  /** CONFIRMED with its ticket code: by this call, or by an earlier one (repeats answer the same). */
  | { outcome: "CONFIRMED"; order: OrderView }
  | { outcome: "ORDER_NOT_FOUND" }
  | { outcome: "ORDER_EXPIRED" }
  | { outcome: "ORDER_CANCELLED" }
  /** The show was cancelled or has started: the order cannot be paid. */
  | { outcome: "SHOW_CLOSED" };

export interface ConfirmPaymentInput {
  orderId: string;
  /** The caller whose order it must be; a payment provider's webhook names none. */
  userId?: string;
  /** What the payment provider verified. */
  payment: { provider: string; reference: string };
}

/**
 * Payment succeeded → the order is CONFIRMED with a ticket code, its seats join Redis's booked
 * set and the confirmation email is queued — each exactly once, however many confirms race.
 * The one confirm path: today's confirm-payment route and, next, the payment webhook.
 */
export async function confirmPayment(deps: Deps, input: ConfirmPaymentInput): Promise<ConfirmPaymentOutcome> {
  const { seats, clock, config, queue } = deps;
  const { orderId, userId, payment } = input;
  const result = await confirmWithFreshCode(deps, orderId, userId);
  if (!result) return { outcome: "ORDER_NOT_FOUND" };
  const { row } = result;
  const { order } = row;
  if (result.changed) {
    // Redis learns the seats are sold; if this fails, the cron rebuilds it from order_seats.
    await seats
      .settleOrderSeats(
        { showId: order.showId, holdId: order.holdId, userId: order.userId, seatIds: order.seatIds, orderId },
        "BOOK",
      )
      .catch((error: unknown) =>
        log("warn", "booked seats not written to Redis; the cron will repair", { orderId, error: String(error) }),
      );
    await queue.send({ type: "order.confirmed", orderId });
    log("info", "order confirmed", { orderId, provider: payment.provider, reference: payment.reference });
  }
  const now = clock.now();
  switch (order.status) {
    case "CONFIRMED":
      return { outcome: "CONFIRMED", order: orderViewOf(row, now, config.CANCELLATION_CUTOFF_MINUTES) };
    case "CANCELLED":
      return { outcome: "ORDER_CANCELLED" };
    case "EXPIRED":
      return { outcome: "ORDER_EXPIRED" };
    case "PAYMENT_PENDING":
      // Still pending: the guard refused it, for its show or (the only other reason) its deadline.
      return showClosed(row, now) ? { outcome: "SHOW_CLOSED" } : { outcome: "ORDER_EXPIRED" };
  }
}

const showClosed = (row: OrderRow, now: Date) =>
  row.show.status === "CANCELLED" || new Date(row.show.startTime).getTime() <= now.getTime();

/** Ticket codes are random; on the rare clash with an existing code, draw again. */
async function confirmWithFreshCode(deps: Deps, orderId: string, userId: string | undefined) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await confirmOrder(deps.db, orderId, userId, newTicketCode());
    } catch (error) {
      const pg = postgresErrorOf(error);
      if (attempt >= 3 || pg?.code !== "23505" || pg.constraint !== "orders_ticket_code_key") throw error;
    }
  }
}
