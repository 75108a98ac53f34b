import {
  addressBudgetKey,
  bookedSeatsKey,
  HOLD_RECORD_GRACE_MS,
  holdKey,
  type OrderedHoldRecord,
  personBudgetKey,
  seatLocksKey,
  showStateKey,
  userHoldsKey,
} from "./redis-contract";

/** The hold id under which a show's house seats enter a rebuild as booked (no hold has this id). */
export const HOUSE_SEATS_HOLD_ID = "house";

/** What Postgres says about a show's seats, for a rebuild (see rebuild-show-state.lua). */
export interface ShowSeatTruth {
  showId: string;
  booked: { orderId: string; holdId: string; seatIds: string[] }[];
  pending: (BudgetedOrder & { createdAt: Date; expiresAt: Date })[];
  /**
   * Orders paid or cancelled whose payment deadline is still ahead: their seats' budget entries
   * (dated to that deadline) may still be live if settling them in Redis was lost.
   */
  settled: BudgetedOrder[];
}

/** An order with what its live-seat budget entries are made of (redis-contract.ts: personBudgetKey). */
export interface BudgetedOrder {
  orderId: string;
  holdId: string;
  userId: string;
  seatIds: string[];
  /** The address budget it was charged to (orders.budget_address_tag); null: none. */
  budgetAddressTag: string | null;
}

/** The budget keys of an order, and the flag the script reads to know whether the address's is among them. */
const budgetKeysOf = (o: BudgetedOrder) =>
  o.budgetAddressTag ? [personBudgetKey(o.userId), addressBudgetKey(o.budgetAddressTag)] : [personBudgetKey(o.userId)];

/** The keys and arguments of rebuild-show-state.lua for one show (its header says the layout). */
export function rebuildPlan(truth: ShowSeatTruth, staleBooked: string[], now: number) {
  const { showId } = truth;
  const keys = [bookedSeatsKey(showId), showStateKey(showId), seatLocksKey(showId)];
  const args = [String(now), String(staleBooked.length), ...staleBooked];
  const pending = truth.pending.filter((p) => p.expiresAt.getTime() > now);
  args.push(String(truth.booked.length + pending.length + truth.settled.length));
  for (const b of truth.booked) {
    keys.push(holdKey(showId, b.holdId));
    args.push("BOOKED", b.orderId, String(b.seatIds.length), ...b.seatIds);
  }
  for (const p of pending) {
    const lockMs = p.expiresAt.getTime() - now;
    const record: OrderedHoldRecord = {
      holdId: p.holdId,
      showId,
      userId: p.userId,
      seatIds: p.seatIds,
      quantity: p.seatIds.length,
      createdAt: p.createdAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      expiresAtMs: p.expiresAt.getTime(),
      status: "ORDERED",
      orderId: p.orderId,
      // Its own deadline is unknown now; the moment it became an order is a safe lower bound.
      heldUntil: p.createdAt.toISOString(),
      heldUntilMs: p.createdAt.getTime(),
    };
    keys.push(holdKey(showId, p.holdId), userHoldsKey(showId, p.userId), ...budgetKeysOf(p));
    args.push("PENDING", p.orderId, String(p.seatIds.length), ...p.seatIds);
    args.push(p.userId, p.holdId, JSON.stringify(record), String(lockMs), String(lockMs + HOLD_RECORD_GRACE_MS));
    args.push(String(p.expiresAt.getTime()), p.budgetAddressTag ? "1" : "0");
  }
  for (const o of truth.settled) {
    keys.push(...budgetKeysOf(o));
    args.push("SETTLED", o.orderId, String(o.seatIds.length), ...o.seatIds, o.holdId, o.budgetAddressTag ? "1" : "0");
  }
  return { keys, args };
}
