import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { bestRowsOf, ROW_WEIGHT } from "../../domain/best-seats";
import { bookingClosedReason } from "../../domain/seat-selection";
import { withEndedAdmissions } from "../../onsale/use-cases/restore-ended-admissions";
import { holdViewOf } from "../hold-view";
import type { HoldRecord } from "../redis-contract";
import {
  admissionEnded,
  existingHoldAnswer,
  MAX_ACTIVE_HOLDS_PER_SHOW,
  type NewHoldOutcome,
  type NewHoldRequest,
  newHoldRecord,
  onsaleAdmission,
} from "./hold-seats";
import { withShowState } from "./repair-seat-state";

export type HoldBestSeatsOutcome =
  | NewHoldOutcome
  /** No block of that many fits (even split, if allowed): what is possible instead. */
  | { outcome: "NO_BEST_SEATS"; largestBlock: number; available: number; quantity: number };

export interface BestRequest {
  quantity: number;
  category?: string;
  allowSplit?: boolean;
}

/**
 * Best available (docs/API.md: Best available): the script chooses the seats from the live state
 * and holds them in the same call, so nothing can take them in between: 1 Redis call on a warm
 * show, the same records, limits and retries as a manual hold.
 */
export async function holdBestSeats(
  deps: Deps,
  input: NewHoldRequest & { best: BestRequest },
): Promise<HoldBestSeatsOutcome> {
  const { userId, showId, best } = input;
  const now = deps.clock.now();
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const { refusal, admission } = await onsaleAdmission(deps, info, input, now);
  if (refusal) return refusal;
  const closed = bookingClosedReason(info, now);
  if (closed) return { outcome: "HOLD_RULE_BROKEN", message: closed, details: { rule: "SHOW_CLOSED" } };
  const max = deps.config.MAX_SEATS_PER_HOLD;
  if (best.quantity < 1 || best.quantity > max)
    return {
      outcome: "HOLD_RULE_BROKEN",
      message: `Choose between 1 and ${max} seats`,
      details: { rule: "SEAT_COUNT" },
    };
  if (best.category !== undefined && !info.layout.categories.some((c) => c.code === best.category))
    return {
      outcome: "HOLD_RULE_BROKEN",
      message: `This hall has no seat category ${best.category}`,
      details: { rule: "UNKNOWN_CATEGORY" },
    };
  const { rows, bestOrdinal } = bestRowsOf(info.layout, best.category);
  const scriptRows = rows.map((row) => ({ ...row, dy: 2 * ROW_WEIGHT * (row.ordinal - bestOrdinal) }));
  const { hold, opts } = await newHoldRecord(deps, { ...input, seatIds: [], quantity: best.quantity }, now, admission);
  const result = await withShowState(deps, showId, () =>
    withEndedAdmissions(deps, admission?.eventId, () =>
      deps.seats.holdBestSeats(hold, {
        ...opts,
        rows: scriptRows,
        quantity: best.quantity,
        allowSplit: best.allowSplit === true,
      }),
    ),
  );
  switch (result.outcome) {
    case "HELD":
      deps.metrics.record({ event: "hold.created", showId, seats: result.hold.seatIds.length });
      return { outcome: "HELD", hold: holdViewOf(result.hold, info) };
    case "NO_BEST_SEATS":
      return { ...result, quantity: best.quantity };
    case "SEAT_BUDGET":
      return result;
    case "ADMISSION_ENDED":
      return admissionEnded(opts);
    case "HOLD_LIMIT":
      return { ...result, limit: MAX_ACTIVE_HOLDS_PER_SHOW };
    case "HOLD_EXISTS": {
      // The seats were the script's choice: the same request is the same number of seats.
      const same = (existing: HoldRecord) => existing.quantity === best.quantity;
      return existingHoldAnswer(result.existing, same, info, now, userId);
    }
  }
}
