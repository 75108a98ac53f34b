import { postgresErrorOf } from "../../db/client";
import type { Deps } from "../../deps";
import type { RefundReason } from "../../domain/statuses";
import { newTicketCode } from "../../domain/ticket-code";
import { log } from "../../http/request-log";
import { findOrderById, type OrderRow } from "../order-reads";
import { orderViewOf } from "../order-view";
import { confirmOrder, type ReceivedPayment, reclaimExpiredOrder, recordUnfillablePayment } from "../payment-store";
import type { OrderView } from "../schemas";
import { settledOrderOf } from "../settled-order";
import { refundOrder } from "./refund-order";

export type ConfirmPaymentOutcome =
  /** CONFIRMED with its ticket code: by this call or an earlier delivery (`late`: after it had expired). */
  | { outcome: "CONFIRMED"; order: OrderView; late: boolean }
  /** The money cannot buy these seats (resold, cancelled, show closed): it is refunded in full. */
  | { outcome: "REFUNDING"; reason: RefundReason; order: OrderView }
  | { outcome: "ORDER_NOT_FOUND" };

export interface ConfirmPaymentInput {
  orderId: string;
  /** What the payment provider verified: a paid session of this order, for its amount. */
  payment: ReceivedPayment;
}

/**
 * Money received → the ONE confirm path (only the verified payment webhook calls it). A pending
 * order is CONFIRMED; an expired one is confirmed if all its seats are still free (taken back in
 * one transaction), otherwise — and for a cancelled order or a closed show — the payment is
 * refunded in full with an email that says so. Each effect (ticket, Redis booked set, email,
 * refund) happens exactly once however many deliveries of the event race; never a seat sold
 * twice, never money kept without a ticket.
 */
export async function confirmPayment(deps: Deps, input: ConfirmPaymentInput): Promise<ConfirmPaymentOutcome> {
  const { orderId, payment } = input;
  const result = await withFreshCode((code) => confirmOrder(deps.db, orderId, code, payment));
  if (!result) return { outcome: "ORDER_NOT_FOUND" };
  if (result.changed) return confirmed(deps, result.row, false, true);
  const { row } = result;
  if (row.order.status === "CONFIRMED") return alreadyConfirmed(deps, row, payment);
  if (row.order.status === "EXPIRED" && !showClosed(row, deps.clock.now())) {
    const reclaimed = await reclaim(deps, orderId, payment);
    if (reclaimed.changed) return confirmed(deps, reclaimed.row, true, true);
    if (reclaimed.row.order.status === "CONFIRMED") return alreadyConfirmed(deps, reclaimed.row, payment);
  }
  return refundUnfillable(deps, row, payment);
}

/** Seats taken back, or (23505: a seat was resold meanwhile, nothing written) the order as it is. */
async function reclaim(deps: Deps, orderId: string, payment: ReceivedPayment) {
  try {
    const result = await withFreshCode((code) => reclaimExpiredOrder(deps.db, orderId, code, payment));
    if (result) return result;
  } catch (error) {
    const pg = postgresErrorOf(error);
    if (pg?.code !== "23505" || pg.constraint !== "order_seats_pkey") throw error;
  }
  // A concurrent delivery may have reclaimed them for this very payment: read what happened.
  const row = await findOrderById(deps.db, orderId);
  if (!row) throw new Error(`order ${orderId} vanished`);
  return { row, changed: false as const };
}

async function confirmed(deps: Deps, row: OrderRow, late: boolean, changed: boolean): Promise<ConfirmPaymentOutcome> {
  if (changed) await announceConfirmed(deps, row, late);
  return { outcome: "CONFIRMED", order: view(deps, row), late };
}

/**
 * An order just confirmed: its ticket email is queued before the answer (an email has no repair:
 * the provider delivers the event again only if this fails), and Redis learns the seats are sold
 * after it — if that is lost, the cron rebuilds the booked set from order_seats, and until then the
 * order's own locks keep the seats taken.
 */
export async function announceConfirmed(deps: Deps, row: OrderRow, late: boolean): Promise<void> {
  const { order } = row;
  // Bought: the buyer is done shopping, so their admission to the on-sale ends (docs/API.md: Waiting room).
  const eventId = row.show.onsaleEventId;
  const endsAdmission = eventId ? { eventId, windowMs: deps.config.ONSALE_ADMISSION_SECONDS * 1000 } : undefined;
  deps.afterResponse("booked seats to Redis (the cron repairs)", () =>
    deps.seats.settleOrderSeats({ ...settledOrderOf(order), endsAdmission }, "BOOK"),
  );
  await deps.queue.send({ type: "order.confirmed", orderId: order.id });
  log("info", "order confirmed", { orderId: order.id, late, paymentIntent: order.paymentIntentId });
  deps.metrics.record({ event: "order.confirmed", showId: order.showId, seats: order.seatIds.length });
}

async function alreadyConfirmed(deps: Deps, row: OrderRow, payment: ReceivedPayment): Promise<ConfirmPaymentOutcome> {
  await refundIfSecondPayment(deps, row, payment);
  return confirmed(deps, row, false, false);
}

/**
 * A second payment for one order (one session per order makes this a provider-side oddity) — the
 * order already names another: it bought nothing, so it goes back in full at once, whatever state
 * the order is in; its idempotency key makes repeats harmless.
 */
async function refundIfSecondPayment(deps: Deps, row: OrderRow, payment: ReceivedPayment): Promise<void> {
  if (row.order.paymentIntentId === payment.paymentIntent) return;
  log("error", "second payment for an order; refunding it", { orderId: row.order.id, status: row.order.status });
  await deps.payments.createRefund(
    { paymentIntent: payment.paymentIntent, metadata: { order_id: row.order.id } },
    { idempotencyKey: `refund:duplicate:${payment.paymentIntent}` },
  );
}

async function refundUnfillable(deps: Deps, row: OrderRow, payment: ReceivedPayment): Promise<ConfirmPaymentOutcome> {
  const { order } = row;
  const reason: RefundReason =
    order.status === "CANCELLED"
      ? "ORDER_CANCELLED"
      : showClosed(row, deps.clock.now())
        ? "SHOW_CLOSED"
        : "SEATS_UNAVAILABLE";
  const recorded = await recordUnfillablePayment(deps.db, order.id, payment, reason);
  if (recorded) {
    log("warn", "payment for an order that cannot be filled; refunding", { orderId: order.id, reason });
    await refundOrder(deps, { orderId: order.id, onFailure: "queue" });
    await deps.queue.send({ type: "order.refunded", orderId: order.id });
  }
  const now = await findOrderById(deps.db, order.id);
  // Not recorded: the order already has a payment, and unless it is this one, this one is a second.
  if (!recorded && now) await refundIfSecondPayment(deps, now, payment);
  return { outcome: "REFUNDING", reason: now?.order.refundReason ?? reason, order: view(deps, now ?? row) };
}

const view = (deps: Deps, row: OrderRow) => orderViewOf(row, deps.clock.now(), deps.config.CANCELLATION_CUTOFF_MINUTES);

const showClosed = (row: OrderRow, now: Date) =>
  row.show.status === "CANCELLED" || new Date(row.show.startTime).getTime() <= now.getTime();

/** Ticket codes are random; on the rare clash with an existing code, draw again. */
export async function withFreshCode<T>(write: (ticketCode: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(newTicketCode());
    } catch (error) {
      const pg = postgresErrorOf(error);
      if (attempt >= 3 || pg?.code !== "23505" || pg.constraint !== "orders_ticket_code_key") throw error;
    }
  }
}
