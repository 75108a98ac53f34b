import type { Deps } from "../../deps";
import type { CancellationProgress } from "../../shared/admin-ops-schemas";
import { cancellationState } from "../cancellation-store";

export type CancellationProgressOutcome =
  | { outcome: "PROGRESS"; progress: CancellationProgress }
  | { outcome: "NOT_CANCELLED" };

const iso = (text: string) => new Date(text).toISOString();

/** A cancelled show's job as it stands: its orders counted by what became of them (one read). */
export async function readCancellation(deps: Deps, input: { showId: string }): Promise<CancellationProgressOutcome> {
  const state = await cancellationState(deps.db, input.showId);
  if (!state) return { outcome: "NOT_CANCELLED" };
  const { cancellation: c, counts } = state;
  return {
    outcome: "PROGRESS",
    progress: {
      showId: c.showId,
      status: c.completedAt ? "COMPLETED" : "IN_PROGRESS",
      requestedAt: iso(c.requestedAt),
      requestedBy: c.requestedBy,
      reason: c.reason,
      completedAt: c.completedAt ? iso(c.completedAt) : null,
      orders: {
        total: counts.total,
        done: counts.handled - counts.failed,
        failed: counts.failed,
        pending: counts.total - counts.handled,
      },
      refunds: {
        count: counts.refunds,
        amount: counts.refundAmount,
        succeeded: counts.refundsSucceeded,
        pending: counts.refundsPending,
        failed: counts.refundsFailed,
        atCounter: counts.refundsAtCounter,
      },
      emailed: counts.emailed,
    },
  };
}
