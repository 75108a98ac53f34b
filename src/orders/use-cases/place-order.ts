import { showBookingInfo } from "../../catalog/show-info";
import { postgresErrorOf } from "../../db/client";
import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";
import { seatIdsOf } from "../../domain/seat-layout";
import { priceSelection } from "../../domain/seat-selection";
import { log } from "../../http/request-log";
import type { HoldRecord } from "../../seats/seat-store";
import { findOrderOfHold, insertOrder, type OrderCustomer, type OrderRow } from "../order-store";
import { orderViewOf } from "../order-view";
import type { OrderView } from "../schemas";

export type PlaceOrderOutcome =
  | { outcome: "PLACED"; order: OrderView }
  /** This hold's order, made by an earlier request (a retry, or a race with one). */
  | { outcome: "ALREADY_PLACED"; order: OrderView }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "SHOW_CLOSED" }
  /** The hold id already has an order from another claim that this request cannot answer with. */
  | { outcome: "IDEMPOTENCY_KEY_REUSED" };

/**
 * Hold → order (docs/API.md flow 2), a two-step saga: Redis claims the hold for a new order id
 * (its locks extended to the payment window), then one transaction writes the order. Each way
 * the second step can fail undoes the first explicitly: seats sold in Postgres → RELEASE; show
 * closed → RELEASE; hold id already ordered by another claim → RELEASE; database error → RESTORE
 * (the customer may retry) and rethrow.
 */
export async function placeOrder(
  deps: Deps,
  input: { userId: string; holdId: string; customer: OrderCustomer },
): Promise<PlaceOrderOutcome> {
  const { db, seats, clock, config } = deps;
  const { userId, holdId, customer } = input;
  const showId = showIdOfHold(holdId);
  const info = showId ? await showBookingInfo(db, showId) : undefined;
  if (!showId || !info) return { outcome: "HOLD_NOT_FOUND" };
  const orderId = crypto.randomUUID();
  const claim = await seats.orderHold(showId, holdId, {
    userId,
    orderId,
    now: clock.now().getTime(),
    paymentWindowMs: config.PAYMENT_WINDOW_SECONDS * 1000,
    hallSeatIds: seatIdsOf(info.layout),
  });
  if (claim.outcome !== "ORDERED" && claim.outcome !== "ALREADY_ORDERED") return claim;

  const { hold } = claim;
  const claimedOrderId = hold.orderId ?? orderId;
  const view = (row: OrderRow) => orderViewOf(row, clock.now(), config.CANCELLATION_CUTOFF_MINUTES);
  if (claim.outcome === "ALREADY_ORDERED") {
    const existing = await findOrderOfHold(db, holdId, userId);
    if (existing?.order.id === claimedOrderId) return { outcome: "ALREADY_PLACED", order: view(existing) };
    if (existing) return answerForOtherClaim(deps, existing, hold, claimedOrderId, userId);
    // An earlier attempt claimed the hold but its transaction never landed: write it now.
  }

  let row: OrderRow | undefined;
  try {
    row = await insertOrder(db, {
      orderId: claimedOrderId,
      userId,
      showId,
      holdId,
      seatIds: hold.seatIds,
      customer,
      // The seats' category surcharges; the base price is added from the show row in Postgres.
      surchargeTotal: priceSelection(info.layout, "0.00", hold.seatIds).amount,
      expiresAt: new Date(hold.expiresAtMs),
    });
  } catch (error) {
    const pg = postgresErrorOf(error);
    if (pg?.code === "23505" && pg.constraint === "order_seats_pkey") {
      // Postgres already sold one of these seats (Redis had lost it): this hold can never be paid.
      await undoClaim(deps, hold, claimedOrderId, "RELEASE");
      return { outcome: "SEAT_TAKEN", seats: hold.seatIds };
    }
    await undoClaim(deps, hold, claimedOrderId, "RESTORE");
    throw error;
  }
  if (!row) {
    await undoClaim(deps, hold, claimedOrderId, "RELEASE");
    return { outcome: "SHOW_CLOSED" };
  }
  if (row.order.id !== claimedOrderId) return answerForOtherClaim(deps, row, hold, claimedOrderId, userId);
  return { outcome: row.order.id === orderId ? "PLACED" : "ALREADY_PLACED", order: view(row) };
}

/**
 * The hold id already has an order that another claim wrote (e.g. an Idempotency-Key reused after
 * the hold became an order): this claim can never be an order, so its Redis claim is released —
 * sparing the original order's seats while that order is pending, since they share the lock owner.
 * The caller gets the original order only if it is theirs and still awaits payment.
 */
async function answerForOtherClaim(
  deps: Deps,
  original: OrderRow,
  hold: HoldRecord,
  claimedOrderId: string,
  userId: string,
): Promise<PlaceOrderOutcome> {
  const live = original.order.status === "PAYMENT_PENDING";
  const spared = new Set(live ? original.order.seatIds : []);
  await undoClaim(deps, { ...hold, seatIds: hold.seatIds.filter((s) => !spared.has(s)) }, claimedOrderId, "RELEASE");
  if (live && original.order.userId === userId) {
    const order = orderViewOf(original, deps.clock.now(), deps.config.CANCELLATION_CUTOFF_MINUTES);
    return { outcome: "ALREADY_PLACED", order };
  }
  return { outcome: "IDEMPOTENCY_KEY_REUSED" };
}

/** Best effort: if Redis is down too, the order hold simply lapses at the payment deadline. */
async function undoClaim(deps: Deps, hold: HoldRecord, orderId: string, mode: "RESTORE" | "RELEASE") {
  await deps.seats
    .undoOrderHold(hold, orderId, mode, deps.clock.now().getTime())
    .catch((error: unknown) => log("warn", "order hold not undone", { orderId, mode, error: String(error) }));
}
