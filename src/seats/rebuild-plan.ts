import {
  bookedSeatsKey,
  HOLD_RECORD_GRACE_MS,
  holdKey,
  type OrderedHoldRecord,
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
  pending: { orderId: string; holdId: string; userId: string; seatIds: string[]; createdAt: Date; expiresAt: Date }[];
}

/** The keys and arguments of rebuild-show-state.lua for one show (its header says the layout). */
export function rebuildPlan(truth: ShowSeatTruth, staleBooked: string[], now: number) {
  const { showId } = truth;
  const keys = [bookedSeatsKey(showId), showStateKey(showId), seatLocksKey(showId)];
  const args = [String(now), String(staleBooked.length), ...staleBooked];
  const pending = truth.pending.filter((p) => p.expiresAt.getTime() > now);
  args.push(String(truth.booked.length + pending.length));
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
    keys.push(holdKey(showId, p.holdId), userHoldsKey(showId, p.userId));
    args.push("PENDING", p.orderId, String(p.seatIds.length), ...p.seatIds);
    args.push(p.userId, p.holdId, JSON.stringify(record), String(lockMs), String(lockMs + HOLD_RECORD_GRACE_MS));
    args.push(String(p.expiresAt.getTime()));
  }
  return { keys, args };
}
