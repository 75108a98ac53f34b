import { holdKey, personBudgetKey, seatLocksKey, userHoldsKey } from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

/**
 * move-hold-owner.lua: a guest's live hold (HELD or ORDERED) becomes `toUserId`'s — record, seat
 * locks, both users' active-holds sets and the seats' place in the person's budget — in one round
 * trip (the script reads the hold itself).
 */
export async function moveHoldOwner(
  scripts: SeatScripts,
  move: { showId: string; holdId: string; fromUserId: string; toUserId: string; now: number },
): Promise<{ outcome: "MOVED"; locks: number } | { outcome: "ALREADY_MOVED" | "HOLD_NOT_FOUND" | "HOLD_EXPIRED" }> {
  const { showId, holdId, fromUserId, toUserId } = move;
  const reply = await scripts.run(
    "moveOwner",
    [
      holdKey(showId, holdId),
      userHoldsKey(showId, fromUserId),
      userHoldsKey(showId, toUserId),
      seatLocksKey(showId),
      personBudgetKey(fromUserId),
      personBudgetKey(toUserId),
    ],
    [fromUserId, toUserId, String(move.now)],
  );
  return reply[0] === "MOVED" ? { outcome: reply[0], locks: reply[1] } : { outcome: reply[0] };
}
