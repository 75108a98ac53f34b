import type { ShowBookingInfo } from "../catalog/show-info";
import { bookingClosedReason, checkSelection, priceSelection, sortSeats } from "../domain/seat-selection";
import type { HoldRecord } from "./redis-contract";
import type { HoldView } from "./schemas";

/** A selection the booking rules refused: which rule, and the details to show. */
export interface RuleBroken {
  outcome: "HOLD_RULE_BROKEN";
  message: string;
  details: { rule: string; seats?: string[] };
}

/** Checks a selection against the hall and the show's state; the seats come back in hall order. */
export function acceptSelection(
  info: ShowBookingInfo,
  seatIds: string[],
  quantity: number,
  maxSeats: number,
  now: Date,
): { seatIds: string[] } | RuleBroken {
  const closed = bookingClosedReason(info, now);
  if (closed) return { outcome: "HOLD_RULE_BROKEN", message: closed, details: { rule: "SHOW_CLOSED" } };
  const problem = checkSelection(info.layout, seatIds, quantity, maxSeats);
  if (problem) {
    const { message, ...details } = problem;
    return { outcome: "HOLD_RULE_BROKEN", message, details };
  }
  return { seatIds: sortSeats(info.layout, seatIds) };
}

/** The API's view of a live hold (HELD or ORDERED), priced from the show. */
export function holdViewOf(hold: Exclude<HoldRecord, { status: "SETTLED" }>, info: ShowBookingInfo): HoldView {
  const { seats, amount } = priceSelection(info.layout, info.price, hold.seatIds);
  return {
    holdId: hold.holdId,
    showId: hold.showId,
    seatIds: hold.seatIds,
    quantity: hold.quantity,
    status: hold.status,
    createdAt: hold.createdAt,
    expiresAt: hold.expiresAt,
    seats,
    amount,
  };
}
