import {
  bookedSeatsKey,
  type HeldHoldRecord,
  holdAddressBudgetKey,
  holdKey,
  personBudgetKey,
  REFUSAL_COUNTS_KEY,
  seatLocksKey,
  showStateKey,
} from "../redis-contract";
import { orphanRuleArgs, type ScriptRow, type SeatBudget } from "./hold-seats";
import type { SeatScripts } from "./seat-scripts";

/**
 * change-held-seats.lua: the caller's HELD hold gets `seatIds` instead of its seats, all or
 * nothing, in one round trip (the script reads the hold: no read before it).
 */
export async function changeHeldSeats(
  scripts: SeatScripts,
  change: {
    showId: string;
    holdId: string;
    userId: string;
    seatIds: string[];
    quantity: number;
    now: number;
    /** The selection's hall rows when the show applies the orphan rule. */
    ruleRows?: ScriptRow[];
    /** The limits; the seats count against the address budget the hold id names. */
    budget: Omit<SeatBudget, "addressTag">;
  },
): Promise<
  | { outcome: "SWAPPED"; hold: HeldHoldRecord }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "SHOW_STATE_MISSING" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "SEAT_STRANDED"; seat: string }
  | { outcome: "SEAT_BUDGET"; whose: "PERSON" | "ADDRESS"; limit: number }
> {
  const { showId, holdId, budget } = change;
  const reply = await scripts.run(
    "change",
    [
      holdKey(showId, holdId),
      bookedSeatsKey(showId),
      showStateKey(showId),
      seatLocksKey(showId),
      personBudgetKey(change.userId),
      holdAddressBudgetKey(holdId),
      REFUSAL_COUNTS_KEY,
    ],
    [
      change.userId,
      String(change.now),
      String(change.quantity),
      ...orphanRuleArgs(change.ruleRows ?? []),
      ...change.seatIds,
      holdId,
      String(budget.perPerson),
      String(budget.perAddress),
    ],
  );
  switch (reply[0]) {
    case "SWAPPED":
      return { outcome: reply[0], hold: reply[1] };
    case "HOLD_NOT_CHANGEABLE":
      return { outcome: reply[0], status: reply[1] };
    case "SEAT_TAKEN":
      return { outcome: reply[0], seats: reply.slice(1) };
    case "SEAT_STRANDED":
      return { outcome: reply[0], seat: reply[1] };
    case "SEAT_BUDGET":
      return { outcome: reply[0], whose: reply[1], limit: reply[2] };
    case "HOLD_NOT_FOUND":
    case "HOLD_EXPIRED":
    case "SHOW_STATE_MISSING":
      return { outcome: reply[0] };
  }
}
