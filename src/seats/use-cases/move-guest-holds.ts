import type { Deps } from "../../deps";
import { showIdOfHold } from "../../domain/hold-id";

/** How many holds a claim may name: a browser keeps one live hold per show it is booking. */
export const MAX_CLAIMED_HOLDS = 20;

export type MoveGuestHoldsOutcome = {
  outcome: "MOVED";
  /** Holds that became the account's in this call. */
  moved: number;
  /** Holds a concurrent claim had already moved to this account. */
  alreadyMoved: number;
  /** Holds that stayed where they were: unknown, another person's, settled or expired. */
  refused: number;
};

/**
 * A guest who signed in keeps the holds they were in the middle of: each named hold of `guestId`
 * that is still live moves to `userId` (move-hold-owner.lua: record, locks and active-holds sets at
 * once). The holds are named by the browser that made them (it is the only place that knows their
 * ids, which name their shows) and proved by the guest token: a hold whose record names anyone else
 * is left alone. One round trip per hold, all at once.
 */
export async function moveGuestHolds(
  deps: Deps,
  input: { guestId: string; userId: string; holdIds: string[] },
): Promise<MoveGuestHoldsOutcome> {
  const holdIds = [...new Set(input.holdIds)].slice(0, MAX_CLAIMED_HOLDS);
  const results = await Promise.all(holdIds.map((holdId) => moveOne(deps, input.guestId, input.userId, holdId)));
  return {
    outcome: "MOVED",
    moved: results.filter((r) => r === "MOVED").length,
    alreadyMoved: results.filter((r) => r === "ALREADY_MOVED").length,
    refused: results.filter((r) => r === "REFUSED").length,
  };
}

async function moveOne(deps: Deps, guestId: string, userId: string, holdId: string) {
  const showId = showIdOfHold(holdId);
  if (!showId) return "REFUSED";
  const now = deps.clock.now().getTime();
  const result = await deps.seats.moveHoldOwner({ showId, holdId, fromUserId: guestId, toUserId: userId, now });
  return result.outcome === "MOVED" || result.outcome === "ALREADY_MOVED" ? result.outcome : "REFUSED";
}
