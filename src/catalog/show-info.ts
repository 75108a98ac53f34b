import type { Database } from "../db/client";
import { findShowBookingRow, type ShowBookingRow } from "./catalog-store";

/** What booking needs to know about a show: when, how much, its state and its hall. */
export type ShowBookingInfo = ShowBookingRow;

/**
 * Booking info is read on every hold and seat map, so it is cached: in the isolate for a few
 * seconds, and in the colo's Cache API for a minute, making a warm hold cost no database call.
 * A show that changes (cancelled, re-priced) is stale for at most a minute here; that is safe,
 * because the order transaction re-checks the show in Postgres before a seat is sold.
 */
const ISOLATE_TTL_MS = 5_000;
const EDGE_TTL_SECONDS = 60;

const isolateCache = new Map<string, { info: ShowBookingInfo; until: number }>();

const cacheKey = (showId: string) => new Request(`https://cache.housefull.internal/shows/${showId}/booking-info`);

export async function showBookingInfo(
  db: Database,
  showId: string,
  now = Date.now(),
): Promise<ShowBookingInfo | undefined> {
  const local = isolateCache.get(showId);
  if (local && local.until > now) return local.info;

  const cached = await caches.default.match(cacheKey(showId));
  let info = cached ? ((await cached.json()) as ShowBookingInfo) : undefined;
  if (!info) {
    info = await findShowBookingRow(db, showId);
    if (!info) return undefined;
    await caches.default.put(
      cacheKey(showId),
      new Response(JSON.stringify(info), {
        headers: { "content-type": "application/json", "cache-control": `max-age=${EDGE_TTL_SECONDS}` },
      }),
    );
  }
  isolateCache.set(showId, { info, until: now + ISOLATE_TTL_MS });
  return info;
}

/** Forget a show's booking info in this isolate and colo (after the show changed). */
export async function forgetShowBookingInfo(showId: string): Promise<void> {
  isolateCache.delete(showId);
  await caches.default.delete(cacheKey(showId));
}
