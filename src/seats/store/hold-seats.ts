import { eventDoneKey } from "../../onsale/redis-keys";
import {
  bookedSeatsKey,
  type HeldHoldRecord,
  HOLD_RECORD_GRACE_MS,
  type HoldRecord,
  hallRowArg,
  holdAddressBudgetKey,
  holdKey,
  personBudgetKey,
  REFUSAL_COUNTS_KEY,
  seatLocksKey,
  showStateKey,
  userHoldsKey,
} from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

/** A hall row as the scripts take it (redis-contract.ts: hallRowArg). */
export interface ScriptRow {
  ordinal: number;
  seats: (string | null)[];
  /** Weighted distance from the best row (best available only). */
  dy?: number;
}

/** No seat spinning: the live seats a person, and a client address (its keyed hash), may hold across shows. */
export interface SeatBudget {
  /** The request's address: a new hold's id carries it (the hold's budget from then on). */
  addressTag: string;
  perPerson: number;
  perAddress: number;
}

export interface NewHoldOpts {
  now: number;
  ttlMs: number;
  maxActiveHolds: number;
  budget: SeatBudget;
  /** On a show of an on-sale event: the caller's admission (its token checked), to see it was not ended early. */
  admission?: { eventId: string; untilMs: number };
}

const holdKeys = (hold: HeldHoldRecord, { admission }: NewHoldOpts) => [
  holdKey(hold.showId, hold.holdId),
  userHoldsKey(hold.showId, hold.userId),
  bookedSeatsKey(hold.showId),
  showStateKey(hold.showId),
  seatLocksKey(hold.showId),
  personBudgetKey(hold.userId),
  holdAddressBudgetKey(hold.holdId),
  REFUSAL_COUNTS_KEY,
  ...(admission ? [eventDoneKey(admission.eventId)] : []),
];

const holdArgs = (hold: HeldHoldRecord, opts: NewHoldOpts) => [
  hold.userId,
  hold.holdId,
  String(opts.now),
  String(opts.ttlMs),
  String(opts.ttlMs + HOLD_RECORD_GRACE_MS),
  JSON.stringify(hold),
  String(opts.maxActiveHolds),
  String(hold.expiresAtMs),
  String(opts.budget.perPerson),
  String(opts.budget.perAddress),
  opts.admission ? String(opts.admission.untilMs) : "",
];

type SharedRefusal =
  | { outcome: "SHOW_STATE_MISSING" }
  | { outcome: "SEAT_BUDGET"; whose: "PERSON" | "ADDRESS"; limit: number }
  | { outcome: "HOLD_EXISTS"; existing: HoldRecord }
  | { outcome: "HOLD_LIMIT"; active: number }
  | { outcome: "ADMISSION_ENDED" }
  /** Redis lost the event's ended admissions: put them back (withEndedAdmissions) and retry. */
  | { outcome: "ENDED_ADMISSIONS_MISSING" };

/** The refusals both new-hold scripts share (the prelude's hold_refusal), as outcomes. */
function sharedRefusal(
  reply:
    | readonly ["SHOW_STATE_MISSING"]
    | readonly ["HOLD_EXISTS", HoldRecord]
    | readonly ["HOLD_LIMIT", number]
    | readonly ["SEAT_BUDGET", "PERSON" | "ADDRESS", number]
    | readonly ["ADMISSION_ENDED"]
    | readonly ["ENDED_ADMISSIONS_MISSING"],
): SharedRefusal {
  switch (reply[0]) {
    case "ADMISSION_ENDED":
    case "ENDED_ADMISSIONS_MISSING":
      return { outcome: reply[0] };
    case "SEAT_BUDGET":
      return { outcome: reply[0], whose: reply[1], limit: reply[2] };
    case "SHOW_STATE_MISSING":
      return { outcome: reply[0] };
    case "HOLD_EXISTS":
      return { outcome: reply[0], existing: reply[1] };
    case "HOLD_LIMIT":
      return { outcome: reply[0], active: reply[1] };
  }
}

/** The rows of the orphan rule as ARGV: a count, then the rows (none when the show lets it be). */
export const orphanRuleArgs = (rows: ScriptRow[]) => [String(rows.length), ...rows.map((row) => hallRowArg(row))];

/**
 * hold-seats.lua: every seat or none, and the hold record, in one round trip. `ruleRows`: the
 * hall rows of the selection when the show applies the orphan rule.
 */
export async function holdSeats(
  scripts: SeatScripts,
  hold: HeldHoldRecord,
  opts: NewHoldOpts & { ruleRows?: ScriptRow[] },
): Promise<
  | { outcome: "HELD" }
  | SharedRefusal
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "SEAT_STRANDED"; seat: string }
> {
  const args = [...holdArgs(hold, opts), ...orphanRuleArgs(opts.ruleRows ?? []), ...hold.seatIds];
  const reply = await scripts.run("hold", holdKeys(hold, opts), args);
  switch (reply[0]) {
    case "HELD":
      return { outcome: reply[0] };
    case "SEAT_TAKEN":
      return { outcome: reply[0], seats: reply.slice(1) };
    case "SEAT_STRANDED":
      return { outcome: reply[0], seat: reply[1] };
    default:
      return sharedRefusal(reply);
  }
}

/**
 * hold-best-seats.lua: chooses `quantity` seats among `rows` from the live state and holds them,
 * in one round trip (`hold.seatIds` is filled in by the script; the reply has the record).
 */
export async function holdBestSeats(
  scripts: SeatScripts,
  hold: HeldHoldRecord,
  opts: NewHoldOpts & { rows: ScriptRow[]; quantity: number; allowSplit: boolean },
): Promise<
  | { outcome: "HELD"; hold: HeldHoldRecord }
  | SharedRefusal
  | { outcome: "NO_BEST_SEATS"; largestBlock: number; available: number }
> {
  const args = [
    ...holdArgs(hold, opts),
    String(opts.quantity),
    opts.allowSplit ? "1" : "0",
    ...opts.rows.map((row) => hallRowArg(row, row.dy)),
  ];
  const reply = await scripts.run("holdBest", holdKeys(hold, opts), args);
  switch (reply[0]) {
    case "HELD":
      return { outcome: reply[0], hold: reply[1] };
    case "NO_BEST_SEATS":
      return { outcome: reply[0], largestBlock: reply[1], available: reply[2] };
    default:
      return sharedRefusal(reply);
  }
}
