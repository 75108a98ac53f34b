import { type ShowBookingInfo, showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { rowsOfSeats } from "../../domain/best-seats";
import { newHoldId } from "../../domain/hold-id";
import { type Admission, type AdmissionRefusal, admissionOf } from "../../onsale/admission-token";
import { withEndedAdmissions } from "../../onsale/use-cases/restore-ended-admissions";
import { acceptSelection, holdViewOf, type RuleBroken } from "../hold-view";
import type { HeldHoldRecord, HoldRecord } from "../redis-contract";
import type { HoldView } from "../schemas";
import type { NewHoldOpts } from "../store/hold-seats";
import { withShowState } from "./repair-seat-state";
import { type SeatBudgetRefusal, seatBudgetOf } from "./seat-budget";

/** A user may hold seats of one show through at most this many live holds (no hoarding a hall). */
export const MAX_ACTIVE_HOLDS_PER_SHOW = 2;

/** How a new hold can end, whichever way its seats were chosen. */
export type NewHoldOutcome =
  | { outcome: "HELD"; hold: HoldView }
  /** A retry with the same Idempotency-Key: the hold it made. */
  | { outcome: "HOLD_EXISTS"; hold: HoldView }
  | { outcome: "SHOW_NOT_FOUND" }
  | RuleBroken
  | { outcome: "HOLD_LIMIT"; active: number; limit: number }
  | { outcome: "HOLD_EXPIRED" }
  /** The show sells through an on-sale waiting room, and the caller brought no valid admission. */
  | AdmissionRefusal
  /** Over the live-seat budget of the person or of their client address (no seat spinning). */
  | SeatBudgetRefusal
  /** The key named another request, or a hold that already became an order. */
  | { outcome: "IDEMPOTENCY_KEY_REUSED"; orderId?: string };

export type HoldSeatsOutcome =
  | NewHoldOutcome
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  /** The show's orphan rule: this seat would be left alone (and need not be). */
  | { outcome: "SEAT_STRANDED"; seat: string };

/** What a new hold carries besides its seats: who asks, the retry key, the waiting room's admission. */
export interface NewHoldRequest {
  userId: string;
  showId: string;
  idempotencyKey?: string;
  /** The Admission-Token header: needed on a show of an on-sale event. */
  admissionToken?: string;
  /** Where the request came from (http/rate-limit.ts: clientAddress, an IPv6 client's /64): its live-seat budget. */
  clientAddress: string;
}

/**
 * When the show sells through a waiting room: the caller's admission as their token proves it (the
 * hold script still checks it was not ended early), or why they are not admitted.
 */
export const onsaleAdmission = async (
  deps: Deps,
  info: ShowBookingInfo,
  input: NewHoldRequest,
  now: Date,
): Promise<{ refusal?: AdmissionRefusal; admission?: Admission }> => {
  if (!info.onsaleEventId) return {};
  const judged = await admissionOf(deps.config, {
    eventId: info.onsaleEventId,
    userId: input.userId,
    token: input.admissionToken,
    nowMs: now.getTime(),
  });
  return judged.outcome === "ADMITTED" ? { admission: judged } : { refusal: judged };
};

/** The script's word that the caller's admission ended early (done shopping), as the refusal. */
export const admissionEnded = (opts: NewHoldOpts): AdmissionRefusal => ({
  outcome: "ADMISSION_REFUSED",
  eventId: opts.admission?.eventId ?? "",
  reason: "ENDED",
});

/**
 * With an Idempotency-Key, a retried POST names the same hold instead of making a second one (its
 * own part: a retry from another address carries that address's budget tag, and the record found
 * is the first attempt's, redis-contract.ts: holdKey).
 */
async function holdIdFor(
  userId: string,
  showId: string,
  idempotencyKey: string | undefined,
  budgetTag: string,
): Promise<string> {
  if (!idempotencyKey) return newHoldId(showId, budgetTag);
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${userId}\n${showId}\n${idempotencyKey}`),
  );
  return newHoldId(showId, budgetTag, new Uint8Array(digest).slice(0, 12));
}

/** A new hold's record (seats as given; best available fills them in the script) and its TTL. */
export async function newHoldRecord(
  deps: Deps,
  input: NewHoldRequest & { seatIds: string[]; quantity: number },
  now: Date,
  admission: Admission | undefined,
): Promise<{ hold: HeldHoldRecord; opts: NewHoldOpts }> {
  const ttlMs = deps.config.HOLD_TTL_SECONDS * 1000;
  const budget = await seatBudgetOf(deps.config, input.clientAddress);
  const hold: HeldHoldRecord = {
    // The id names the address budget the seats are charged to, for whatever ends the hold later.
    holdId: await holdIdFor(input.userId, input.showId, input.idempotencyKey, budget.addressTag),
    showId: input.showId,
    userId: input.userId,
    seatIds: input.seatIds,
    quantity: input.quantity,
    status: "HELD",
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    expiresAtMs: now.getTime() + ttlMs,
  };
  return { hold, opts: { now: now.getTime(), ttlMs, maxActiveHolds: MAX_ACTIVE_HOLDS_PER_SHOW, budget, admission } };
}

/**
 * The answer to a retried hold id (an Idempotency-Key seen before): the hold it made when it is
 * the same request (`same`), else why not.
 */
export function existingHoldAnswer(
  existing: HoldRecord,
  same: (hold: HoldRecord) => boolean,
  info: ShowBookingInfo,
  now: Date,
  userId: string,
): NewHoldOutcome {
  // A settled hold never comes back under its key: its order is over (paid or let go).
  if (existing.status === "SETTLED") return { outcome: "IDEMPOTENCY_KEY_REUSED", orderId: existing.orderId };
  if (existing.userId !== userId || !same(existing)) return { outcome: "IDEMPOTENCY_KEY_REUSED" };
  if (existing.status === "HELD" && existing.expiresAtMs <= now.getTime()) return { outcome: "HOLD_EXPIRED" };
  return { outcome: "HOLD_EXISTS", hold: holdViewOf(existing, info) };
}

/** Hold seats: all of them or none, in one Redis call on a warm show (docs/API.md: Flows, hold). */
export async function holdSeats(
  deps: Deps,
  input: NewHoldRequest & { seatIds: string[]; quantity: number },
): Promise<HoldSeatsOutcome> {
  const { userId, showId } = input;
  const now = deps.clock.now();
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const { refusal, admission } = await onsaleAdmission(deps, info, input, now);
  if (refusal) return refusal;
  const selection = acceptSelection(info, input.seatIds, input.quantity, deps.config.MAX_SEATS_PER_HOLD, now);
  if ("outcome" in selection) return selection;
  const { seatIds } = selection;
  const { hold, opts } = await newHoldRecord(deps, { ...input, seatIds }, now, admission);
  const ruleRows = info.orphanRule ? rowsOfSeats(info.layout, seatIds) : [];
  const result = await withShowState(deps, showId, () =>
    withEndedAdmissions(deps, admission?.eventId, () => deps.seats.holdSeats(hold, { ...opts, ruleRows })),
  );
  switch (result.outcome) {
    case "HELD":
      deps.metrics.record({ event: "hold.created", showId, seats: seatIds.length });
      return { outcome: "HELD", hold: holdViewOf(hold, info) };
    case "SEAT_TAKEN":
    case "SEAT_STRANDED":
    case "SEAT_BUDGET":
      return result;
    case "ADMISSION_ENDED":
      return admissionEnded(opts);
    case "HOLD_LIMIT":
      return { ...result, limit: MAX_ACTIVE_HOLDS_PER_SHOW };
    case "HOLD_EXISTS": {
      const same = (existing: HoldRecord) => existing.seatIds.join(",") === seatIds.join(",");
      return existingHoldAnswer(result.existing, same, info, now, userId);
    }
  }
}
