import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { categoryPrices } from "../../domain/pricing";
import { seatIdsOf } from "../../domain/seat-layout";
import { bookingClosedReason } from "../../domain/seat-selection";
import { userOfLockOwner } from "../redis-contract";
import type { SeatMap } from "../schemas";
import { withShowState } from "./repair-seat-state";

export type ReadSeatMapOutcome = { outcome: "SEAT_MAP"; map: SeatMap } | { outcome: "SHOW_NOT_FOUND" };

/** Every seat's state (`mine` for the caller's holds), in one Redis call on a warm show. */
export async function readSeatMap(deps: Deps, input: { showId: string; userId?: string }): Promise<ReadSeatMapOutcome> {
  const { showId, userId } = input;
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const seatIds = seatIdsOf(info.layout);
  const { booked, owners } = await withShowState(deps, showId, () => deps.seats.readSeatStates(showId, seatIds));
  const counts = { total: seatIds.length, available: 0, held: 0, booked: 0 };
  const closedReason = bookingClosedReason(info, deps.clock.now());
  const map: SeatMap = {
    showId,
    startTime: info.startTime,
    bookable: !closedReason,
    ...(closedReason ? { closedReason } : {}),
    maxSeatsPerHold: deps.config.MAX_SEATS_PER_HOLD,
    categories: categoryPrices(info.layout, info.price),
    rows: info.layout.rows.map((row) => ({
      label: row.label,
      category: row.category,
      seats: row.columns.map((n) => {
        if (n === null) return null;
        const seatId = `${row.label}${n}`;
        const owner = owners.get(seatId);
        const state = booked.has(seatId) ? "BOOKED" : owner ? "HELD" : "AVAILABLE";
        counts[state === "BOOKED" ? "booked" : state === "HELD" ? "held" : "available"] += 1;
        const mine =
          state === "HELD" && userId !== undefined && owner !== undefined && userOfLockOwner(owner) === userId;
        return { seatId, number: n, state, mine };
      }),
    })),
    counts,
  };
  return { outcome: "SEAT_MAP", map };
}
