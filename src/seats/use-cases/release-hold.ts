import type { Deps } from "../../deps";
import { ownHold } from "./read-hold";

export type ReleaseHoldOutcome =
  | { outcome: "RELEASED" }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
  | { outcome: "HOLD_CHANGED" };

/** Release the held seats (also an expired hold's: its record is cleaned up). */
export async function releaseHold(deps: Deps, input: { userId: string; holdId: string }): Promise<ReleaseHoldOutcome> {
  const hold = await ownHold(deps, input.userId, input.holdId);
  if (!hold) return { outcome: "HOLD_NOT_FOUND" };
  if (hold.status !== "HELD") return { outcome: "HOLD_NOT_CHANGEABLE", status: hold.status };
  const result = await deps.seats.releaseHold(hold);
  // Only a live hold given back counts as released; letting go of a lapsed one is still an expiry.
  if (result.outcome === "RELEASED" && hold.expiresAtMs > deps.clock.now().getTime())
    deps.metrics.record({ event: "hold.released", showId: hold.showId, seats: hold.seatIds.length });
  switch (result.outcome) {
    case "RELEASED":
    case "HOLD_NOT_FOUND": // released by a concurrent request a moment ago: the same end state
      return { outcome: "RELEASED" };
    default:
      return result;
  }
}
