import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";

export type ReleaseHoldOutcome =
  | { outcome: "RELEASED" }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string };

/**
 * Release the held seats (also an expired hold's: its record is cleaned up). One Redis round trip:
 * the script reads the hold and checks that it is the caller's and still HELD.
 */
export async function releaseHold(deps: Deps, input: { userId: string; holdId: string }): Promise<ReleaseHoldOutcome> {
  const { userId, holdId } = input;
  const showId = showIdOfHold(holdId);
  if (!showId) return { outcome: "HOLD_NOT_FOUND" };
  // The hold id names the address budget it charged: from whatever address, that one is freed.
  const result = await deps.seats.releaseHold({ showId, holdId, userId, now: deps.clock.now().getTime() });
  if (result.outcome !== "RELEASED") return result;
  // Only a live hold given back counts as released; letting go of a lapsed one is still an expiry.
  if (result.live) deps.metrics.record({ event: "hold.released", showId, seats: result.seats });
  return { outcome: "RELEASED" };
}
