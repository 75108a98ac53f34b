import type { Deps } from "../../deps";
import { findOrder } from "../order-reads";
import { orderViewOf } from "../order-view";
import type { OrderView } from "../schemas";

export type GetOrderOutcome = { outcome: "FOUND"; order: OrderView } | { outcome: "ORDER_NOT_FOUND" };

/** The caller's order with its show, movie and theatre; someone else's is not found. */
export async function getOrder(deps: Deps, input: { orderId: string; userId: string }): Promise<GetOrderOutcome> {
  const row = await findOrder(deps.db, input.orderId, input.userId);
  if (!row) return { outcome: "ORDER_NOT_FOUND" };
  return { outcome: "FOUND", order: orderViewOf(row, deps.clock.now(), deps.config.CANCELLATION_CUTOFF_MINUTES) };
}
