import * as z from "zod/mini";
import type { Deps } from "../deps";
import { log } from "../http/request-log";
import { withShowState } from "./use-cases/repair-seat-state";

/** A show's seat states as every caller shares them: who holds a seat stays in Redis. */
export interface SeatStates {
  booked: ReadonlySet<string>;
  held: ReadonlySet<string>;
  /** When Redis said so (ms). */
  takenAt: number;
}

const stored = z.object({ takenAt: z.number(), booked: z.array(z.string()), held: z.array(z.string()) });

/** At most this many shows' snapshots per isolate (the oldest goes first). */
const ISOLATE_SHOWS = 256;
const isolate = new Map<string, { until: number; states: Promise<SeatStates> }>();

const cacheKey = (showId: string) => new Request(`https://cache.housefull.internal/shows/${showId}/seat-states`);

const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // an entry cut short: read Redis instead
  }
};

/** Straight from Redis (rebuilt from Postgres first if Redis lost the show): what holds decide on. */
async function fromRedis(deps: Deps, showId: string): Promise<SeatStates> {
  const takenAt = deps.clock.now().getTime();
  const { booked, held } = await withShowState(deps, showId, () => deps.seats.readSeatStates(showId, takenAt));
  return { booked, held, takenAt };
}

/** The location's snapshot (Cache API) while young enough, else Redis, stored for the others. */
async function fromLocation(deps: Deps, showId: string, maxAgeMs: number): Promise<SeatStates> {
  const hit = await caches.default.match(cacheKey(showId));
  const parsed = hit ? stored.safeParse(jsonOrUndefined(await hit.text())) : undefined;
  if (parsed?.success && deps.clock.now().getTime() - parsed.data.takenAt < maxAgeMs) {
    return { booked: new Set(parsed.data.booked), held: new Set(parsed.data.held), takenAt: parsed.data.takenAt };
  }
  const states = await fromRedis(deps, showId);
  const body = JSON.stringify({ takenAt: states.takenAt, booked: [...states.booked], held: [...states.held] });
  const maxAge = Math.max(1, Math.ceil(maxAgeMs / 1000));
  // Stored before answering (a local write at the location, no round trip to Redis or Postgres);
  // a store that fails only means the next isolate reads Redis too.
  await caches.default
    .put(
      cacheKey(showId),
      new Response(body, { headers: { "content-type": "application/json", "cache-control": `max-age=${maxAge}` } }),
    )
    .catch((error: unknown) => log("warn", "seat-map snapshot not stored", { showId, error: String(error) }));
  return states;
}

/**
 * The show's seat states for a seat map, at most SEAT_MAP_SNAPSHOT_MS old: one snapshot per
 * isolate (concurrent callers share one read) and per location (the Cache API), so N pollers of
 * one show cost about one Redis read per snapshot age per location. Only seat maps read this;
 * holds, changes and orders always decide inside their scripts on Redis itself.
 */
export function sharedSeatStates(deps: Deps, showId: string): Promise<SeatStates> {
  const maxAgeMs = deps.config.SEAT_MAP_SNAPSHOT_MS;
  if (maxAgeMs === 0) return fromRedis(deps, showId);
  const now = deps.clock.now().getTime();
  const memo = isolate.get(showId);
  if (memo && memo.until > now) return memo.states;
  const entry = { until: now + maxAgeMs, states: fromLocation(deps, showId, maxAgeMs) };
  isolate.delete(showId);
  isolate.set(showId, entry);
  if (isolate.size > ISOLATE_SHOWS) isolate.delete(isolate.keys().next().value ?? showId);
  entry.states.then(
    // A snapshot from the Cache API is as old as it is: it stays only for what is left of its age.
    (states) => {
      entry.until = Math.min(entry.until, states.takenAt + maxAgeMs);
    },
    () => {
      if (isolate.get(showId) === entry) isolate.delete(showId);
    },
  );
  return entry.states;
}
