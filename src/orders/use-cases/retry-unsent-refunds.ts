import type { Deps } from "../../deps";
import { unsentRefunds } from "../refund-store";
import { refundOrder } from "./refund-order";

/** How long a refund may stay owed without a provider refund before the cron tries it itself. */
const STALLED_MINUTES = 5;

/**
 * Run by the cron, the last guard that a refund is never lost: an owed refund that the provider
 * never accepted (its queued retry lost or exhausted) is tried again, with the same idempotent use case.
 */
export async function retryUnsentRefunds(deps: Deps) {
  const orderIds = await unsentRefunds(deps.db, STALLED_MINUTES, 20);
  const outcomes = await Promise.all(orderIds.map((orderId) => refundOrder(deps, { orderId, onFailure: "queue" })));
  return { refundsRetried: outcomes.filter((o) => o.outcome === "REFUND_CREATED").length };
}
