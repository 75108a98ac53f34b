import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";
import { holdViewOf } from "../hold-view";
import type { HoldRecord } from "../redis-contract";
import type { HoldView } from "../schemas";

type LiveHold = Exclude<HoldRecord, { status: "SETTLED" }>;

/**
 * The caller's live hold, or HOLD_NOT_FOUND: someone else's hold is indistinguishable from none,
 * and so is a settled one (its order now speaks for it).
 */
export async function ownHold(deps: Deps, userId: string, holdId: string): Promise<LiveHold | undefined> {
  const showId = showIdOfHold(holdId);
  const hold = showId ? await deps.seats.readHold(showId, holdId) : undefined;
  // The record is named by the id's own part: an id with another budget tag is not this hold.
  if (!hold || hold.userId !== userId || hold.holdId !== holdId || hold.status === "SETTLED") return undefined;
  return hold;
}

export type ReadHoldOutcome =
  | { outcome: "HOLD"; hold: HoldView }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "SHOW_NOT_FOUND" };

export async function readHold(deps: Deps, input: { userId: string; holdId: string }): Promise<ReadHoldOutcome> {
  const hold = await ownHold(deps, input.userId, input.holdId);
  if (!hold) return { outcome: "HOLD_NOT_FOUND" };
  if (hold.status === "HELD" && hold.expiresAtMs <= deps.clock.now().getTime()) return { outcome: "HOLD_EXPIRED" };
  const info = await showBookingInfo(deps.db, hold.showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  return { outcome: "HOLD", hold: holdViewOf(hold, info) };
}
