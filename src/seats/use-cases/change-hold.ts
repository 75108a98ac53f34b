import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { acceptSelection, holdViewOf, type RuleBroken } from "../hold-view";
import type { HoldView } from "../schemas";
import { ownHold } from "./read-hold";
import { withShowState } from "./repair-seat-state";

export type ChangeHoldOutcome =
  | { outcome: "SWAPPED"; hold: HoldView }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "HOLD_CHANGED" }
  | RuleBroken
  | { outcome: "SEAT_TAKEN"; seats: string[] };

/** Swap the held seats atomically; the expiry does not move. */
export async function changeHold(
  deps: Deps,
  input: { userId: string; holdId: string; seatIds: string[]; quantity: number },
): Promise<ChangeHoldOutcome> {
  const now = deps.clock.now();
  const current = await ownHold(deps, input.userId, input.holdId);
  if (!current) return { outcome: "HOLD_NOT_FOUND" };
  const info = await showBookingInfo(deps.db, current.showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  if (current.status !== "HELD") return { outcome: "HOLD_NOT_CHANGEABLE", status: current.status };
  if (current.expiresAtMs <= now.getTime()) return { outcome: "HOLD_EXPIRED" };
  const selection = acceptSelection(info, input.seatIds, input.quantity, deps.config.MAX_SEATS_PER_HOLD, now);
  if ("outcome" in selection) return selection;
  const next = { ...current, seatIds: selection.seatIds, quantity: input.quantity };
  const result = await withShowState(deps, current.showId, () =>
    deps.seats.changeHeldSeats(current, next, now.getTime()),
  );
  return result.outcome === "SWAPPED" ? { outcome: "SWAPPED", hold: holdViewOf(next, info) } : result;
}
