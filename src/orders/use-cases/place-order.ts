import { showBookingInfo } from "../../catalog/show-info";
import { postgresErrorOf } from "../../db/client";
import type { Deps } from "../../deps";
import { budgetTagOfHold, showIdOfHold } from "../../domain/hold-id";
import { orderIdOfHold } from "../../domain/order-id";
import { type SeatLayout, seatIdsOf } from "../../domain/seat-layout";
import { priceSelection } from "../../domain/seat-selection";
import { log } from "../../http/request-log";
import { type AdmissionRefusal, admissionBoughtWith } from "../../onsale/admission-token";
import type { OrderedHoldRecord, SeatStore } from "../../seats/seat-store";
import { ownHold } from "../../seats/use-cases/read-hold";
import type { OrderRow } from "../order-reads";
import { alignOrderDeadline, insertOrder, type OrderCustomer, removeUnclaimedOrder } from "../order-store";
import { orderViewOf } from "../order-view";
import type { OrderView } from "../schemas";

export type PlaceOrderOutcome =
  | { outcome: "PLACED"; order: OrderView }
  /** This hold's order, made by an earlier request (a retry, or a race with one). */
  | { outcome: "ALREADY_PLACED"; order: OrderView }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  /** The hold's seats changed while this request named others, twice over. */
  | { outcome: "HOLD_CHANGED" }
  | { outcome: "SHOW_CLOSED" }
  /** An on-sale show's order names its admission; ENDED: that admission bought (or is buying) already. */
  | AdmissionRefusal
  /** The hold id already has an order from another claim that this request cannot answer with. */
  | { outcome: "IDEMPOTENCY_KEY_REUSED" };

interface Attempt {
  deps: Deps;
  userId: string;
  holdId: string;
  showId: string;
  /** Derived from the hold id: the Redis claim and the Postgres row name it without waiting for each other. */
  orderId: string;
  /** The address budget the hold charged (its id names it): the order's seats stay on it for the payment window. */
  addressTag: string;
  customer: OrderCustomer;
  layout: SeatLayout;
  admission?: { eventId: string; untilMs: number };
}

/** What the order transaction did (its errors are thrown). */
type Written =
  | { kind: "inserted" | "existing"; row: OrderRow }
  | { kind: "sold" }
  | { kind: "closed" }
  | { kind: "admission_used" };
type Claim = Awaited<ReturnType<SeatStore["orderHold"]>>;

/**
 * Hold → order (docs/API.md flow 2) in one round trip: the Redis claim (the hold, still this
 * user's, on the seats the caller names, becomes an order hold) and the Postgres transaction (the
 * order and its seats) run at the same time, and each way one of them says no is compensated
 * before answering:
 * - Redis refuses, or fails → the order this request wrote is removed (if Postgres fails for
 *   that too, the order simply expires at its deadline: the cron frees its seats);
 * - Postgres sold a seat → written again once (a concurrent refused request may be removing its
 *   row), then the claim is RELEASEd; show closed / hold id already ordered elsewhere → RELEASE;
 *   Postgres fails → RESTORE (the customer may retry). If Redis fails for that too, the claim's
 *   locks lapse at the payment deadline.
 * A caller that does not name the seats (an older client) costs one Redis read more.
 */
export async function placeOrder(
  deps: Deps,
  input: {
    userId: string;
    holdId: string;
    seatIds?: string[];
    customer: OrderCustomer;
    /** The Admission-Token header: an on-sale show's order names the admission it buys with. */
    admissionToken?: string;
  },
): Promise<PlaceOrderOutcome> {
  const { userId, holdId, customer } = input;
  const showId = showIdOfHold(holdId);
  const info = showId ? await showBookingInfo(deps.db, showId) : undefined;
  if (!showId || !info) return { outcome: "HOLD_NOT_FOUND" };
  const admission = info.onsaleEventId
    ? await admissionBoughtWith(deps.config, { eventId: info.onsaleEventId, userId, token: input.admissionToken })
    : undefined;
  if (admission && admission.outcome !== "ADMITTED") return admission;
  const attempt: Attempt = {
    deps,
    userId,
    holdId,
    showId,
    orderId: await orderIdOfHold(holdId),
    // The budget the hold charged, named by its id (whatever address orders it now).
    addressTag: budgetTagOfHold(holdId),
    customer,
    layout: info.layout,
    admission: admission && { eventId: admission.eventId, untilMs: admission.untilMs },
  };
  let seatIds = input.seatIds && namesHallSeats(input.seatIds, info.layout) ? input.seatIds : undefined;
  if (!seatIds) {
    const hold = await ownHold(deps, userId, holdId);
    if (!hold) return { outcome: "HOLD_NOT_FOUND" };
    seatIds = hold.seatIds;
  }
  return claimAndWrite(attempt, seatIds, true);
}

async function claimAndWrite(a: Attempt, seatIds: string[], mayRetry: boolean): Promise<PlaceOrderOutcome> {
  const { deps } = a;
  const now = deps.clock.now().getTime();
  const windowMs = deps.config.PAYMENT_WINDOW_SECONDS * 1000;
  const [claimed, written] = await Promise.allSettled([
    deps.seats.orderHold(a.showId, a.holdId, {
      userId: a.userId,
      orderId: a.orderId,
      now,
      paymentWindowMs: windowMs,
      seatIds,
    }),
    writeOrder(a, a.orderId, seatIds, new Date(now + windowMs)),
  ]);
  const wroteIt = written.status === "fulfilled" && written.value.kind === "inserted";

  if (claimed.status === "rejected") {
    if (wroteIt) await takeBack(a, "redis failed");
    throw claimed.reason;
  }
  const claim = claimed.value;
  if (claim.outcome !== "ORDERED" && claim.outcome !== "ALREADY_ORDERED") {
    // Redis does not hold the seats for this order: it must not stay. (A write that failed may
    // still have landed: removing is harmless if it did not.)
    const removed = wroteIt || written.status === "rejected" ? await takeBack(a, claim.outcome) : true;
    if (claim.outcome !== "HOLD_CHANGED") return claim;
    if (!removed) throw new Error(`order ${a.orderId} of other seats could not be taken back`);
    return mayRetry ? claimAndWrite(a, claim.seats, false) : { outcome: "HOLD_CHANGED" };
  }

  const { hold } = claim;
  if (!sameSeats(hold.seatIds, seatIds) && !(written.status === "fulfilled" && written.value.kind === "existing")) {
    // An earlier claim ordered other seats than this caller named: what was written is not it.
    if (wroteIt && !(await takeBack(a, "seats of an earlier claim"))) throw new Error("order not taken back");
    if (written.status === "rejected") throw written.reason;
    return mayRetry ? claimAndWrite(a, hold.seatIds, false) : { outcome: "HOLD_CHANGED" };
  }
  if (written.status === "rejected") {
    await undoClaim(a, hold, "RESTORE");
    throw written.reason;
  }
  return afterClaim(a, claim, written.value, true);
}

/** Redis holds the seats for the order (`claim`): answer from what Postgres did. */
async function afterClaim(
  a: Attempt,
  claim: Extract<Claim, { hold: unknown }>,
  written: Written,
  mayWriteAgain: boolean,
): Promise<PlaceOrderOutcome> {
  const { hold } = claim;
  const claimedOrderId = hold.orderId;
  const again = async () => {
    try {
      return await writeOrder(a, claimedOrderId, hold.seatIds, new Date(hold.expiresAtMs));
    } catch (error) {
      await undoClaim(a, hold, "RESTORE");
      throw error;
    }
  };
  switch (written.kind) {
    case "sold":
      // A request refused by Redis may be removing its row for these seats right now: once more,
      // now that Redis confirmed this hold. Sold again → Postgres sold them (Redis had lost it).
      if (mayWriteAgain) return afterClaim(a, claim, await again(), false);
      await undoClaim(a, hold, "RELEASE");
      return { outcome: "SEAT_TAKEN", seats: hold.seatIds };
    case "closed":
      await undoClaim(a, hold, "RELEASE");
      return { outcome: "SHOW_CLOSED" };
    case "admission_used":
      // Postgres knows the admission bought already (Redis may have lost its end): the seats go.
      await undoClaim(a, hold, "RELEASE");
      return { outcome: "ADMISSION_REFUSED", eventId: a.admission?.eventId ?? "", reason: "ENDED" };
    case "inserted":
      if (written.row.order.id === claimedOrderId) {
        await keepClaimDeadline(a, written.row, hold);
        a.deps.metrics.record({ event: "order.placed", showId: a.showId, seats: hold.seatIds.length });
        return { outcome: "PLACED", order: view(a, written.row) };
      }
      // The claim names an order id of an older release whose write never landed: write that one.
      if (!(await takeBack(a, "claim names another order id"))) throw new Error("order not taken back");
      return afterClaim(a, claim, await again(), mayWriteAgain);
    case "existing":
      if (claim.outcome === "ALREADY_ORDERED" && written.row.order.id === claimedOrderId)
        return { outcome: "ALREADY_PLACED", order: view(a, written.row) };
      return answerForOtherClaim(a, written.row, hold);
  }
}

/**
 * The order was written with a fresh payment window while the claim kept the hold's first one (a
 * hold ordered again after a failed order): the order takes the claim's deadline. Rare: one more
 * database call only then.
 */
async function keepClaimDeadline(a: Attempt, row: OrderRow, hold: OrderedHoldRecord): Promise<void> {
  if (new Date(row.order.expiresAt).getTime() - hold.expiresAtMs < 1000) return;
  const expiresAt = new Date(hold.expiresAtMs);
  await alignOrderDeadline(a.deps.db, a.orderId, expiresAt);
  row.order.expiresAt = expiresAt.toISOString();
}

/** The order transaction, its refusals as outcomes. */
async function writeOrder(a: Attempt, orderId: string, seatIds: string[], expiresAt: Date): Promise<Written> {
  try {
    const result = await insertOrder(a.deps.db, {
      orderId,
      userId: a.userId,
      showId: a.showId,
      holdId: a.holdId,
      seatIds,
      customer: a.customer,
      // Only the seats' categories come from the (cached) hall; Postgres prices them.
      seatsByCategory: seatsByCategoryOf(a.layout, seatIds),
      expiresAt,
      // The budget the claim charged (order-hold.lua): settling the order frees it.
      budgetAddressTag: a.addressTag,
      admission: a.admission,
    });
    if (!result) return { kind: "closed" };
    return { kind: result.inserted ? "inserted" : "existing", row: result.row };
  } catch (error) {
    const pg = postgresErrorOf(error);
    // Postgres already sold one of these seats: the whole transaction wrote nothing.
    if (pg?.code === "23505" && pg.constraint === "order_seats_pkey") return { kind: "sold" };
    // The admission has another live order: nothing was written either.
    if (pg?.code === "23505" && pg.constraint === "orders_admission_once") return { kind: "admission_used" };
    throw error;
  }
}

/**
 * The hold id already has an order that another claim wrote (e.g. an Idempotency-Key reused after
 * the hold became an order): this claim can never be an order, so its Redis claim is released —
 * sparing the original order's seats while that order is pending, since they share the lock owner.
 * The caller gets the original order only if it is theirs and still awaits payment.
 */
async function answerForOtherClaim(
  a: Attempt,
  original: OrderRow,
  hold: OrderedHoldRecord,
): Promise<PlaceOrderOutcome> {
  const live = original.order.status === "PAYMENT_PENDING";
  const spared = new Set(live ? original.order.seatIds : []);
  await undoClaim(a, { ...hold, seatIds: hold.seatIds.filter((s) => !spared.has(s)) }, "RELEASE");
  if (live && original.order.userId === a.userId) return { outcome: "ALREADY_PLACED", order: view(a, original) };
  return { outcome: "IDEMPOTENCY_KEY_REUSED" };
}

/** Best effort: if Redis is down too, the order hold simply lapses at the payment deadline. */
async function undoClaim(a: Attempt, hold: OrderedHoldRecord, mode: "RESTORE" | "RELEASE") {
  const { orderId } = hold;
  await a.deps.seats
    .undoOrderHold(hold, orderId, mode, a.deps.clock.now().getTime())
    .catch((error: unknown) => log("warn", "order hold not undone", { orderId, mode, error: String(error) }));
}

/**
 * Removes the order this request wrote (true: it is gone, or never landed). If Postgres refuses that too, the order stays pending
 * with no Redis claim until its deadline, when the expiry cron frees its seats.
 */
async function takeBack(a: Attempt, why: string): Promise<boolean> {
  try {
    await removeUnclaimedOrder(a.deps.db, a.orderId, a.userId);
    return true;
  } catch (error) {
    log("warn", "unclaimed order not taken back; it expires at its deadline", {
      orderId: a.orderId,
      why,
      error: String(error),
    });
    return false;
  }
}

const view = (a: Attempt, row: OrderRow) =>
  orderViewOf(row, a.deps.clock.now(), a.deps.config.CANCELLATION_CUTOFF_MINUTES);

function seatsByCategoryOf(layout: SeatLayout, seatIds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { category } of priceSelection(layout, "0.00", seatIds).seats)
    counts[category] = (counts[category] ?? 0) + 1;
  return counts;
}

const sameSeats = (x: string[], y: string[]) => x.length === y.length && new Set([...x, ...y]).size === x.length;

/** Distinct seats of the show's hall: anything else cannot be a hold's seats. */
function namesHallSeats(seatIds: string[], layout: SeatLayout): boolean {
  const hall = new Set(seatIdsOf(layout));
  return seatIds.length > 0 && new Set(seatIds).size === seatIds.length && seatIds.every((s) => hall.has(s));
}
