import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type ShowStatus, seatLayouts, shows } from "../db/schema";
import { DEFAULT_LAYOUT, type SeatLayout } from "../domain/seat-layout";

/** What booking needs to know about a show: when, how much, its state and its hall. */
export interface ShowBookingInfo {
  showId: string;
  startTime: string;
  status: ShowStatus;
  price: string;
  layout: SeatLayout;
}

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
    const [row] = await db
      .select({
        showId: shows.id,
        startTime: shows.startTime,
        status: shows.status,
        price: shows.price,
        layout: seatLayouts.layout,
      })
      .from(shows)
      .leftJoin(seatLayouts, eq(seatLayouts.id, shows.layoutId))
      .where(eq(shows.id, showId))
      .limit(1);
    if (!row) return undefined;
    info = { ...row, startTime: new Date(row.startTime).toISOString(), layout: row.layout ?? DEFAULT_LAYOUT };
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
