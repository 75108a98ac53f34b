import type { Deps } from "../../deps";
import { expireOverdue } from "../expiry-store";
import { settledOrderOf } from "../settled-order";

/**
 * Flow 4, run by the cron: every PAYMENT_PENDING order past its deadline becomes EXPIRED and its
 * `order_seats` rows go (one statement, safe when two runs overlap), then its Redis locks (only
 * those still naming it) and hold record are dropped.
 */
export async function expireOverdueOrders(deps: Pick<Deps, "db" | "seats" | "metrics">) {
  const expired = await expireOverdue(deps.db);
  if (expired.length > 0) deps.metrics.record({ event: "orders.expired", count: expired.length });
  const outcomes = await Promise.allSettled(
    expired.map((order) => deps.seats.settleOrderSeats(settledOrderOf({ ...order, id: order.orderId }), "FREE")),
  );
  return { expired: expired.length, redisFailures: outcomes.filter((o) => o.status === "rejected").length };
}
