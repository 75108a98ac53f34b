import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";
import { categoryPrices } from "../../domain/pricing";
import { seatIdsOf } from "../../domain/seat-layout";
import { bookingClosedReason } from "../../domain/seat-selection";
import type { SeatMap } from "../schemas";
import { sharedSeatStates } from "../seat-map-snapshot";
import { ownHold } from "./read-hold";

export type ReadSeatMapOutcome = { outcome: "SEAT_MAP"; map: SeatMap } | { outcome: "SHOW_NOT_FOUND" };

/**
 * The seats of the caller's hold `holdId` on this show, read fresh (one Redis GET, at the same
 * time as the snapshot): someone else's hold, another show's, or one that is over marks nothing.
 */
async function ownSeats(deps: Deps, showId: string, userId?: string, holdId?: string): Promise<ReadonlySet<string>> {
  if (!userId || !holdId || showIdOfHold(holdId) !== showId) return new Set();
  const hold = await ownHold(deps, userId, holdId);
  return hold && hold.expiresAtMs > deps.clock.now().getTime() ? new Set(hold.seatIds) : new Set();
}

/**
 * Every seat's state: the location's shared snapshot (at most SEAT_MAP_SNAPSHOT_MS old, one Redis
 * read per snapshot), with the caller's own hold (`holdId`) overlaid fresh as `mine`.
 */
export async function readSeatMap(
  deps: Deps,
  input: { showId: string; userId?: string; holdId?: string },
): Promise<ReadSeatMapOutcome> {
  const { showId } = input;
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const [{ booked, held }, mine] = await Promise.all([
    sharedSeatStates(deps, showId),
    ownSeats(deps, showId, input.userId, input.holdId),
  ]);
  const counts = { total: seatIdsOf(info.layout).length, available: 0, held: 0, booked: 0 };
  const closedReason = bookingClosedReason(info, deps.clock.now());
  const map: SeatMap = {
    showId,
    startTime: info.startTime,
    bookable: !closedReason,
    ...(closedReason ? { closedReason } : {}),
    ...(info.onsaleEventId ? { onsaleEventId: info.onsaleEventId } : {}),
    maxSeatsPerHold: deps.config.MAX_SEATS_PER_HOLD,
    categories: categoryPrices(info.layout, info.price),
    rows: info.layout.rows.map((row) => ({
      label: row.label,
      category: row.category,
      seats: row.columns.map((n) => {
        if (n === null) return null;
        const seatId = `${row.label}${n}`;
        const own = !booked.has(seatId) && mine.has(seatId);
        const state = booked.has(seatId) ? "BOOKED" : own || held.has(seatId) ? "HELD" : "AVAILABLE";
        counts[state === "BOOKED" ? "booked" : state === "HELD" ? "held" : "available"] += 1;
        return { seatId, number: n, state, mine: own };
      }),
    })),
    counts,
  };
  return { outcome: "SEAT_MAP", map };
}
