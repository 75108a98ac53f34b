import { showBookingInfo } from "../../catalog/show-info";
import type { Deps } from "../../deps";
import { newHoldId } from "../../domain/hold-id";
import { acceptSelection, holdViewOf, type RuleBroken } from "../hold-view";
import type { HeldHoldRecord } from "../redis-contract";
import type { HoldView } from "../schemas";
import { withShowState } from "./repair-seat-state";

/** A user may hold seats of one show through at most this many live holds (no hoarding a hall). */
export const MAX_ACTIVE_HOLDS_PER_SHOW = 2;

export type HoldSeatsOutcome =
  | { outcome: "HELD"; hold: HoldView }
  /** A retry with the same Idempotency-Key: the hold it made. */
  | { outcome: "HOLD_EXISTS"; hold: HoldView }
  | { outcome: "SHOW_NOT_FOUND" }
  | RuleBroken
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "HOLD_LIMIT"; active: number; limit: number }
  | { outcome: "HOLD_EXPIRED" }
  /** The key named another request, or a hold that already became an order. */
  | { outcome: "IDEMPOTENCY_KEY_REUSED"; orderId?: string };

/** With an Idempotency-Key, a retried POST names the same hold instead of making a second one. */
async function holdIdFor(userId: string, showId: string, idempotencyKey: string | undefined): Promise<string> {
  if (!idempotencyKey) return newHoldId(showId);
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${userId}\n${showId}\n${idempotencyKey}`),
  );
  return newHoldId(showId, new Uint8Array(digest).slice(0, 12));
}

/** Hold seats: all of them or none, in one Redis call on a warm show (docs/API.md: Flows, hold). */
export async function holdSeats(
  deps: Deps,
  input: { userId: string; showId: string; seatIds: string[]; quantity: number; idempotencyKey?: string },
): Promise<HoldSeatsOutcome> {
  const { userId, showId, quantity } = input;
  const { config } = deps;
  const now = deps.clock.now();
  const info = await showBookingInfo(deps.db, showId);
  if (!info) return { outcome: "SHOW_NOT_FOUND" };
  const selection = acceptSelection(info, input.seatIds, quantity, config.MAX_SEATS_PER_HOLD, now);
  if ("outcome" in selection) return selection;
  const { seatIds } = selection;
  const ttlMs = config.HOLD_TTL_SECONDS * 1000;
  const hold: HeldHoldRecord = {
    holdId: await holdIdFor(userId, showId, input.idempotencyKey),
    showId,
    userId,
    seatIds,
    quantity,
    status: "HELD",
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    expiresAtMs: now.getTime() + ttlMs,
  };
  const result = await withShowState(deps, showId, () =>
    deps.seats.holdSeats(hold, { now: now.getTime(), ttlMs, maxActiveHolds: MAX_ACTIVE_HOLDS_PER_SHOW }),
  );
  switch (result.outcome) {
    case "HELD":
      deps.metrics.record({ event: "hold.created", showId, seats: seatIds.length });
      return { outcome: "HELD", hold: holdViewOf(hold, info) };
    case "SEAT_TAKEN":
      return result;
    case "HOLD_LIMIT":
      return { ...result, limit: MAX_ACTIVE_HOLDS_PER_SHOW };
    case "HOLD_EXISTS": {
      const { existing } = result;
      const same = existing.userId === userId && existing.seatIds.join(",") === seatIds.join(",");
      // A settled hold never comes back under its key: its order is over (paid or let go).
      if (existing.status === "SETTLED") return { outcome: "IDEMPOTENCY_KEY_REUSED", orderId: existing.orderId };
      if (!same) return { outcome: "IDEMPOTENCY_KEY_REUSED" };
      if (existing.status === "HELD" && existing.expiresAtMs <= now.getTime()) return { outcome: "HOLD_EXPIRED" };
      return { outcome: "HOLD_EXISTS", hold: holdViewOf(existing, info) };
    }
  }
}
