// Seat locks as a test reads and bends them, straight in Redis: one hash per show (see
// src/seats/redis-contract.ts, seatLocksKey), a field whose deadline has passed being a free seat.
import type { Redis } from "@upstash/redis/cloudflare";
import { lockValue, parseLockValue, seatLocksKey } from "../../src/seats/redis-contract";

/** Every live lock of the show: seat id → lock owner. */
export async function liveLocks(redis: Redis, showId: string): Promise<Map<string, string>> {
  const all: unknown = await redis.hgetall(seatLocksKey(showId));
  // Without automatic deserialization the client hands HGETALL back as Redis sent it: [field, value, …].
  const pairs: [string, unknown][] = Array.isArray(all)
    ? all.flatMap((field, i) => (i % 2 === 0 ? [[String(field), all[i + 1]] as [string, unknown]] : []))
    : Object.entries(all ?? {});
  const now = Date.now();
  const locks = new Map<string, string>();
  for (const [seat, value] of pairs) {
    const { owner, expiresAtMs } = parseLockValue(String(value));
    if (expiresAtMs > now) locks.set(seat, owner);
  }
  return locks;
}

/** The seat's live lock owner, or null when the seat is free. */
export async function lockOwnerOf(redis: Redis, showId: string, seat: string): Promise<string | null> {
  const value = await redis.hget<string>(seatLocksKey(showId), seat);
  if (value === null || value === undefined) return null;
  const { owner, expiresAtMs } = parseLockValue(String(value));
  return expiresAtMs > Date.now() ? owner : null;
}

/** Milliseconds the seat's lock has left (like PTTL: -2 when there is no live lock). */
export async function lockTtlOf(redis: Redis, showId: string, seat: string): Promise<number> {
  const value = await redis.hget<string>(seatLocksKey(showId), seat);
  if (value === null || value === undefined) return -2;
  const left = parseLockValue(String(value)).expiresAtMs - Date.now();
  return left > 0 ? left : -2;
}

/** The lock vanishes (as if it lapsed or Redis lost it). */
export async function dropLock(redis: Redis, showId: string, seat: string): Promise<void> {
  await redis.hdel(seatLocksKey(showId), seat);
}

/** Writes a lock the way the scripts do. */
export async function putLock(redis: Redis, showId: string, seat: string, owner: string, ttlMs: number) {
  await redis.hset(seatLocksKey(showId), { [seat]: lockValue(owner, Date.now() + ttlMs) });
}
