import type { Redis } from "@upstash/redis/cloudflare";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { bookedSeatsKey, seatLockKey } from "../seats/keys";

/** Shows whose seats still matter: not yet started, or started within the last few hours. */
const REPAIR_WINDOW = sql`interval '6 hours'`;

/**
 * Makes Redis agree with Postgres (`order_seats` is the truth) for upcoming shows: booked sets get
 * the confirmed seats they lack and lose seats no longer sold; pending orders get back seat locks
 * that Redis lost. So a Redis that lost its data heals within one run.
 * Redis is read before Postgres: a seat booked in between is already in Postgres when it is read,
 * so it is never mistaken for a stale one and removed.
 */
export async function repairSeatState(db: Database, redis: Redis) {
  const showIds = (
    (await db.execute(
      sql`SELECT show_id FROM shows WHERE start_time > now() - ${REPAIR_WINDOW} AND status <> 'CANCELLED'`,
    )) as unknown as { rows: { show_id: string }[] }
  ).rows.map((r) => r.show_id);
  if (showIds.length === 0) return { shows: 0, bookedAdded: 0, bookedRemoved: 0, locksRestored: 0 };

  const read = redis.pipeline();
  for (const showId of showIds) read.smembers(bookedSeatsKey(showId));
  const replies = (await read.exec()) as string[][];
  const inRedis = new Map(showIds.map((id, i) => [id, new Set(replies[i] ?? [])]));

  const truth = (
    (await db.execute(sql`
      SELECT os.show_id,
             coalesce(array_agg(os.seat_id) FILTER (WHERE o.status = 'CONFIRMED'), '{}') AS booked,
             coalesce(json_agg(json_build_object(
               'seat', os.seat_id,
               'owner', o.user_id || ':' || o.hold_id,
               'ms', floor(extract(epoch FROM o.expires_at - now()) * 1000)::bigint
             )) FILTER (WHERE o.status = 'PAYMENT_PENDING' AND o.expires_at > now()), '[]') AS pending
      FROM order_seats os
      JOIN orders o ON o.order_id = os.order_id
      JOIN shows s ON s.show_id = os.show_id
      WHERE s.start_time > now() - ${REPAIR_WINDOW}
      GROUP BY os.show_id`)) as unknown as {
      rows: { show_id: string; booked: string[]; pending: { seat: string; owner: string; ms: number }[] }[];
    }
  ).rows;
  const truthByShow = new Map(truth.map((t) => [t.show_id, t]));

  const fix = redis.pipeline();
  let bookedAdded = 0;
  let bookedRemoved = 0;
  let lockWrites = 0;
  for (const showId of showIds) {
    const booked = new Set(truthByShow.get(showId)?.booked ?? []);
    const cached = inRedis.get(showId) ?? new Set<string>();
    const missing = [...booked].filter((s) => !cached.has(s));
    const stale = [...cached].filter((s) => !booked.has(s));
    if (missing.length) fix.sadd(bookedSeatsKey(showId), missing[0] as string, ...missing.slice(1));
    if (stale.length) fix.srem(bookedSeatsKey(showId), ...stale);
    bookedAdded += missing.length;
    bookedRemoved += stale.length;
    for (const p of truthByShow.get(showId)?.pending ?? []) {
      if (Number(p.ms) > 0) {
        fix.set(seatLockKey(showId, p.seat), p.owner, { px: Number(p.ms), nx: true });
        lockWrites++;
      }
    }
  }
  let locksRestored = 0;
  if (bookedAdded + bookedRemoved + lockWrites > 0) {
    const results = (await fix.exec()) as unknown[];
    locksRestored = results.filter((r) => r === "OK").length;
  }
  return { shows: showIds.length, bookedAdded, bookedRemoved, locksRestored };
}
