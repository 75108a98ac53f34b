import type { Database } from "../db/client";
import { and, eq, inArray, lte, sql } from "../db/drizzle";
import { orderSeats, orders } from "../db/schema";

/**
 * The cron's side of orders (flow 4): unpaid orders past their payment deadline. One statement, one
 * database round trip, as every store operation (order-store.ts).
 */

type Order = typeof orders.$inferSelect;

const now = sql`now()`;

/** An order whose seats the cron must free in Redis. */
export type ExpiredOrder = { orderId: Order["id"] } & Pick<
  Order,
  "showId" | "userId" | "holdId" | "seatIds" | "budgetAddressTag"
>;

/**
 * Flow 4: every PAYMENT_PENDING order past its deadline becomes EXPIRED and its `order_seats` rows
 * go, in one set-based statement (safe when two runs overlap: a row expires once).
 */
export async function expireOverdue(db: Database): Promise<ExpiredOrder[]> {
  const expired = db.$with("expired").as(
    db
      .update(orders)
      .set({ status: "EXPIRED" })
      .where(and(eq(orders.status, "PAYMENT_PENDING"), lte(orders.expiresAt, now)))
      .returning({
        id: orders.id,
        showId: orders.showId,
        userId: orders.userId,
        holdId: orders.holdId,
        seatIds: orders.seatIds,
        budgetAddressTag: orders.budgetAddressTag,
      }),
  );
  const freed = db.$with("freed").as(
    db
      .delete(orderSeats)
      .where(inArray(orderSeats.orderId, db.select({ id: expired.id }).from(expired)))
      .returning({ orderId: orderSeats.orderId }),
  );
  return db
    .with(expired, freed)
    .select({
      orderId: expired.id,
      showId: expired.showId,
      userId: expired.userId,
      holdId: expired.holdId,
      seatIds: expired.seatIds,
      budgetAddressTag: expired.budgetAddressTag,
    })
    .from(expired);
}
