import { publishCatalogChange } from "../../catalog/catalog-version";
import type { Deps } from "../../deps";
import type { CancellationProgress } from "../../shared/admin-ops-schemas";
import { recordStaffAction, type StaffActor } from "../audit-log";
import { markShowCancelled } from "../cancellation-store";
import type { StaffShow } from "../show-access";
import { readCancellation } from "./cancellation-progress";

export type CancelShowOutcome = { outcome: "CANCELLING"; progress: CancellationProgress };

/**
 * Cancels a show (docs/API.md: Back office, cancelling a show). At once: the show is CANCELLED in
 * Postgres (with the audit row, in one transaction) — no order can be placed from that commit on —
 * and the catalog change is published (its booking info forgotten, the catalog version bumped),
 * so holds and the catalog in this colo see it now. Then the job that
 * cancels, refunds and emails every order is queued; a repeat queues it again (it is idempotent),
 * which is also how a stalled job is nudged.
 */
export async function cancelShow(
  deps: Deps,
  input: { show: StaffShow; actor: StaffActor; reason?: string },
): Promise<CancelShowOutcome> {
  const { show, actor } = input;
  const reason = input.reason ?? null;
  const audit =
    show.status === "CANCELLED"
      ? []
      : [
          recordStaffAction(deps.db, {
            actor,
            theatreId: show.theatreId,
            action: "show.cancel",
            target: { type: "show", id: show.id },
            before: { status: show.status },
            after: { status: "CANCELLED", reason },
          }),
        ];
  await markShowCancelled(deps.db, { showId: show.id, requestedBy: actor.userId, reason }, audit);
  await publishCatalogChange([show.id]);
  await deps.queue.send({ type: "show.cancellation", showId: show.id });
  const progress = await readCancellation(deps, { showId: show.id });
  if (progress.outcome !== "PROGRESS") throw new Error(`show ${show.id} cancelled but no cancellation recorded`);
  return { outcome: "CANCELLING", progress: progress.progress };
}
