import type { Deps } from "../../deps";
import { endedAdmissions } from "../event-store";
import { queueStoreOf } from "../queue-store";

/**
 * The cron's repair of the waiting rooms: an admission that bought (a paid order names it) ended in
 * Postgres, so Redis's ended admissions (src/onsale/redis-keys.ts: eventDoneKey) get it back if a
 * flush or failover lost it. Until this runs, POST /orders refuses the admission's second order
 * anyway (orders_admission_once). One SQL read; one script per event with live admissions.
 */
export async function restoreEndedAdmissions(deps: Deps) {
  const ended = await endedAdmissions(deps.db);
  const byEvent = new Map<string, typeof ended>();
  for (const e of ended) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), e]);
  const store = queueStoreOf(deps.config);
  const now = deps.clock.now().getTime();
  const restored = await Promise.all([...byEvent].map(([eventId, rows]) => store.restoreEnded(eventId, now, rows)));
  return { endedAdmissionsRestored: restored.reduce((sum, n) => sum + n, 0) };
}
