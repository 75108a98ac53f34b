import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { rowsOfSeats } from "../../domain/best-seats";
import { showIdOfHold } from "../../domain/hold-id";
import { acceptSelection, holdViewOf, type RuleBroken } from "../hold-view";
import type { HoldView } from "../schemas";
import { withShowState } from "./repair-seat-state";
import { type SeatBudgetRefusal, seatBudgetOf } from "./seat-budget";

export type ChangeHoldOutcome =
  | { outcome: "SWAPPED"; hold: HoldView }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
  | { outcome: "HOLD_EXPIRED" }
  | RuleBroken
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "SEAT_STRANDED"; seat: string }
  | SeatBudgetRefusal;

/**
 * Swap the held seats atomically; the expiry does not move. One Redis round trip on a warm show:
 * the show comes from the hold id, the booking rules need only the request, and the script itself
 * reads the hold and checks that it is the caller's and still HELD.
 */
export async function changeHold(
  deps: Deps,
  input: { userId: string; holdId: string; seatIds: string[]; quantity: number; clientAddress: string },
): Promise<ChangeHoldOutcome> {
  const { userId, holdId, quantity } = input;
  const now = deps.clock.now();
  const showId = showIdOfHold(holdId);
  if (!showId) return { outcome: "HOLD_NOT_FOUND" };
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const selection = acceptSelection(info, input.seatIds, quantity, deps.config.MAX_SEATS_PER_HOLD, now);
  if ("outcome" in selection) return selection;
  const { seatIds } = selection;
  const ruleRows = info.orphanRule ? rowsOfSeats(info.layout, seatIds) : [];
  const budget = await seatBudgetOf(deps.config, input.clientAddress);
  const result = await withShowState(deps, showId, () =>
    deps.seats.changeHeldSeats({ showId, holdId, userId, seatIds, quantity, now: now.getTime(), ruleRows, budget }),
  );
  return result.outcome === "SWAPPED" ? { outcome: "SWAPPED", hold: holdViewOf(result.hold, info) } : result;
}
