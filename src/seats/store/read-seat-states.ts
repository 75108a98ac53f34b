import { bookedSeatsKey, seatLocksKey, showStateKey } from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

/**
 * read-seat-states.lua: the show's booked and held seats (no owners), three keys whatever the
 * hall size, one round trip.
 */
export async function readSeatStates(scripts: SeatScripts, showId: string, now: number) {
  const reply = await scripts.run(
    "read",
    [bookedSeatsKey(showId), showStateKey(showId), seatLocksKey(showId)],
    [String(now)],
  );
  if (reply[0] === "SHOW_STATE_MISSING") return { outcome: reply[0] } as const;
  return { outcome: "SEATS", booked: new Set(reply[1]), held: new Set(reply[2]) } as const;
}
