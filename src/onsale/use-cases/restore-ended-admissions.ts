import type { Deps } from "../../deps";
import { endedAdmissions } from "../event-store";
import { queueStoreOf } from "../queue-store";
import { EVENT_KEYS_TTL_MS } from "./join-queue";

/**
 * The cron's repair of the waiting rooms: an admission that bought (a paid order names it) ended in
 * Postgres, so Redis's ended admissions (src/onsale/redis-keys.ts: eventDoneKey) get it back if a
 * flush or failover lost it. A hold finds a lost set before this runs (withEndedAdmissions), and
 * POST /orders refuses the admission's second order anyway (orders_admission_once). One SQL read;
 * one script per event with live admissions.
 */
export async function restoreEndedAdmissions(deps: Deps) {
  const ended = await endedAdmissions(deps.db);
  const byEvent = new Map<string, typeof ended>();
  for (const e of ended) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), e]);
  const store = queueStoreOf(deps.config);
  const now = deps.clock.now().getTime();
  const restored = await Promise.all(
    [...byEvent].map(([eventId, rows]) => store.restoreEnded(eventId, now, EVENT_KEYS_TTL_MS, rows)),
  );
  return { endedAdmissionsRestored: restored.reduce((sum, n) => sum + n, 0) };
}

type Missing = { outcome: "ENDED_ADMISSIONS_MISSING" };

/**
 * Runs a new-hold script on a show of an on-sale event; when it finds the event's ended admissions
 * lost in Redis (a spent token would pass), puts them back from Postgres's paid orders and runs it
 * once more: 1 database + 1 Redis call more, once per loss, so the cron is not what closes the gap.
 */
export async function withEndedAdmissions<T extends { outcome: string }>(
  deps: Deps,
  eventId: string | undefined,
  attempt: () => Promise<T>,
): Promise<Exclude<T, Missing>> {
  const whole = (result: T): result is Exclude<T, Missing> => result.outcome !== "ENDED_ADMISSIONS_MISSING";
  const first = await attempt();
  if (whole(first) || !eventId) return first as Exclude<T, Missing>;
  const rows = await endedAdmissions(deps.db, eventId);
  await queueStoreOf(deps.config).restoreEnded(eventId, deps.clock.now().getTime(), EVENT_KEYS_TTL_MS, rows);
  const second = await attempt();
  if (whole(second)) return second;
  throw new Error(`ended admissions of on-sale event ${eventId} missing right after their restore`);
}
