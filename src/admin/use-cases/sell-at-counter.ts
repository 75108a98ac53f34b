import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";
import { type IssueTicketOutcome, issueTicket } from "../../door/use-cases/issue-ticket";
import { log } from "../../http/request-log";
import { findOrderOfHold, type OrderRow } from "../../orders/order-reads";
import { orderViewOf } from "../../orders/order-view";
import { confirmCounterSale } from "../../orders/payment-store";
import type { OrderView } from "../../orders/schemas";
import { settledOrderOf } from "../../orders/settled-order";
import { withFreshCode } from "../../orders/use-cases/confirm-payment";
import { type PlaceOrderOutcome, placeOrder } from "../../orders/use-cases/place-order";
import type { CounterCustomer } from "../../shared/admin-ops-schemas";
import { recordStaffAction, type StaffActor } from "../audit-log";
import type { StaffShow } from "../show-access";

/** The signed ticket, as GET /orders/{id}/ticket answers it. */
export type CounterTicket = Omit<Extract<IssueTicketOutcome, { outcome: "ISSUED" }>, "outcome">;

export type SellAtCounterOutcome =
  | { outcome: "SOLD"; order: OrderView; ticket: CounterTicket }
  /** The same hold sold before (a retry): the same order and ticket. */
  | { outcome: "ALREADY_SOLD"; order: OrderView; ticket: CounterTicket }
  | Exclude<PlaceOrderOutcome, { outcome: "PLACED" | "ALREADY_PLACED" }>
  /** The order exists but can no longer be sold (its payment window passed, it was cancelled, or paid online). */
  | { outcome: "NOT_SELLABLE"; status: OrderView["status"] };

/**
 * A sale at the box office (docs/API.md: Back office, box office): the staff member held the
 * seats on the same seat map as everyone (POST /holds as themselves); the hold becomes an order
 * for the walk-in buyer through the very use case customers use, and is paid at once at the
 * counter — CONFIRMED with its ticket code, recorded as `counter` by that member of staff, in
 * one transaction with the audit row. Then the seats are booked in Redis, the buyer emailed if
 * they gave an address, and the same signed ticket as online is answered for printing.
 */
export async function sellAtCounter(
  deps: Deps,
  input: {
    show: StaffShow;
    actor: StaffActor;
    holdId: string;
    customer: CounterCustomer;
    /** On an on-sale show the box office queues like anyone: its admission, as at POST /holds. */
    admissionToken?: string;
  },
): Promise<SellAtCounterOutcome> {
  const { show, actor, holdId } = input;
  if (showIdOfHold(holdId) !== show.id) return { outcome: "HOLD_NOT_FOUND" };
  const customer = { ...input.customer, email: input.customer.email ?? null };
  const { admissionToken } = input;
  const placed = await placeOrder(deps, { userId: actor.userId, holdId, customer, admissionToken });
  if (placed.outcome === "HOLD_NOT_FOUND") {
    // Once sold, the hold is settled in Redis: a retry finds its sale in Postgres.
    const sold = await findOrderOfHold(deps.db, holdId, actor.userId);
    if (sold?.order.status === "CONFIRMED") return answer(deps, "ALREADY_SOLD", view(deps, sold), actor);
  }
  if (placed.outcome !== "PLACED" && placed.outcome !== "ALREADY_PLACED") return placed;

  const { order } = placed;
  if (order.status === "CONFIRMED") return answer(deps, "ALREADY_SOLD", order, actor);
  if (order.status !== "PAYMENT_PENDING") return { outcome: "NOT_SELLABLE", status: order.status };
  const audit = recordStaffAction(deps.db, {
    actor,
    theatreId: show.theatreId,
    action: "counter_sale.create",
    target: { type: "order", id: order.orderId },
    before: null,
    after: { showId: show.id, seatIds: order.seatIds, amount: order.amount, paymentMethod: "counter" },
  });
  const result = await withFreshCode((ticketCode) =>
    confirmCounterSale(deps.db, { orderId: order.orderId, ticketCode, soldBy: actor.userId }, [audit]),
  );
  if (!result) return { outcome: "HOLD_NOT_FOUND" };
  const { row } = result;
  if (!result.changed) {
    if (row.order.status === "CONFIRMED") return answer(deps, "ALREADY_SOLD", view(deps, row), actor);
    if (row.order.status === "PAYMENT_PENDING") return { outcome: "SHOW_CLOSED" };
    return { outcome: "NOT_SELLABLE", status: row.order.status };
  }
  await booked(deps, row);
  return answer(deps, "SOLD", view(deps, row), actor);
}

const view = (deps: Deps, row: OrderRow) => orderViewOf(row, deps.clock.now(), deps.config.CANCELLATION_CUTOFF_MINUTES);

/** Redis learns the seats are sold (the cron repairs it if not); the buyer gets the confirmation email. */
async function booked(deps: Deps, row: OrderRow) {
  const { order } = row;
  await deps.seats.settleOrderSeats(settledOrderOf(order), "BOOK").catch((error: unknown) =>
    log("warn", "counter sale seats not booked in Redis; the cron will repair", {
      orderId: order.id,
      error: String(error),
    }),
  );
  if (order.customerEmail) await deps.queue.send({ type: "order.confirmed", orderId: order.id });
  log("info", "counter sale", { orderId: order.id, soldBy: order.soldBy });
}

async function answer(
  deps: Deps,
  outcome: "SOLD" | "ALREADY_SOLD",
  order: OrderView,
  actor: StaffActor,
): Promise<SellAtCounterOutcome> {
  const ticket = await issueTicket(deps, { orderId: order.orderId, userId: actor.userId });
  if (ticket.outcome !== "ISSUED") return { outcome: "NOT_SELLABLE", status: order.status };
  const { token, ticketCode, keyId } = ticket;
  return { outcome, order, ticket: { token, ticketCode, keyId } };
}
