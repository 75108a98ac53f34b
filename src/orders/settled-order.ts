import type { orders } from "../db/schema";
import type { SettledOrder } from "../seats/seat-store";

type Order = typeof orders.$inferSelect;

/**
 * What settling an order's seats in Redis needs, from its row in Postgres: whose they are and the
 * address budget they were charged to (the tag the order was written with, never the caller's).
 */
export const settledOrderOf = (
  order: Pick<Order, "id" | "showId" | "holdId" | "userId" | "seatIds" | "budgetAddressTag">,
): SettledOrder => ({
  orderId: order.id,
  showId: order.showId,
  holdId: order.holdId,
  userId: order.userId,
  seatIds: order.seatIds,
  budgetAddressTag: order.budgetAddressTag,
});
