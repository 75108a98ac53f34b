import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { SeatStore } from "../seats/seat-store";

/**
 * Flow 4: every PAYMENT_PENDING order past its deadline becomes EXPIRED and its `order_seats`
 * rows go, in one set-based statement (safe when two runs overlap: a row expires once). Then its
 * Redis locks (only those still naming it) and hold record are dropped.
 */
export async function expireOverdueOrders(
  db: Database,
  seats: SeatStore,
): Promise<{ expired: number; redisFailures: number }> {
  const result = await db.execute(sql`
    WITH expired AS (
      UPDATE orders SET status = 'EXPIRED'
      WHERE status = 'PAYMENT_PENDING' AND expires_at <= now()
      RETURNING order_id, show_id, user_id, hold_id, seat_ids),
    freed AS (DELETE FROM order_seats WHERE order_id IN (SELECT order_id FROM expired))
    SELECT order_id, show_id, user_id, hold_id, seat_ids FROM expired`);
  const expired = (
    result as unknown as {
      rows: { order_id: string; show_id: string; user_id: string; hold_id: string; seat_ids: string[] }[];
    }
  ).rows;
  const outcomes = await Promise.allSettled(
    expired.map((o) =>
      seats.settleOrderSeats(
        { showId: o.show_id, userId: o.user_id, holdId: o.hold_id, seatIds: o.seat_ids, orderId: o.order_id },
        "FREE",
      ),
    ),
  );
  return { expired: expired.length, redisFailures: outcomes.filter((o) => o.status === "rejected").length };
}
