/**
 * The storm's correctness, read straight from Redis (not through the API): every 201 still owns
 * exactly its seats, no seat was given to two holds, no lock exists that no request explains, and
 * the seat map the API serves says the same as Redis, seat by seat.
 */
import type { Redis } from "ioredis";
import { bookedSeatsKey, holdKey, lockOwner, parseLockValue, seatLocksKey } from "../src/seats/redis-contract.ts";
import { clientHeaders, paths } from "./scenarios/reads.ts";

export interface Hold {
  holdId: string;
  userId: string;
  seatIds: string[];
}

export interface FillCheck {
  holds: number;
  seatsHeld: number;
  /** Seats that two 201 answers both claimed. */
  doubleClaims: number;
  /** 201 answers whose seats (or hold record) Redis does not give to that hold. */
  lostHolds: number;
  /**
   * Seats locked by a request whose answer never came or was a 5xx (e.g. wrangler reloaded the
   * worker mid-request): the hold happened, the client was not told. Not an error; released too.
   */
  unansweredHoldSeats: number;
  /** Seat locks no request explains (a failed hold that locked something anyway). */
  orphanLocks: number;
  /** Seats whose state on the API's seat map differs from Redis. */
  seatMapMismatches: number;
  /** AVAILABLE seats on the seat map. */
  available: number;
}

export interface EmptyCheck {
  locksLeft: number;
  available: number;
  seatMapMismatches: number;
}

interface SeatMap {
  rows: { seats: ({ seatId: string; state: "AVAILABLE" | "HELD" | "BOOKED" } | null)[] }[];
  counts: { available: number };
}

/** wrangler.toml's SEAT_MAP_SNAPSHOT_MS: how old a seat map the stack may serve. */
const SNAPSHOT_MS = 1_000;

/** The seat map once no snapshot from before the storm's last answer can be served any more. */
async function seatMapOf(baseUrl: string, showId: string): Promise<SeatMap> {
  await new Promise((r) => setTimeout(r, SNAPSHOT_MS + 100));
  const res = await fetch(baseUrl + paths.seatmap(showId), { headers: clientHeaders() });
  if (!res.ok) throw new Error(`seat map: ${res.status}`);
  return (await res.json()) as SeatMap;
}

/** Lock owner (`userId:holdId`) of every seat, and the booked set. */
async function redisState(redis: Redis, showId: string, seats: string[]) {
  const values = await redis.hmget(seatLocksKey(showId), ...seats);
  const now = Date.now();
  const owners = values.map((v) => {
    const lock = v === null ? undefined : parseLockValue(v);
    return lock && lock.expiresAtMs > now ? lock.owner : null;
  });
  const booked = new Set(await redis.smembers(bookedSeatsKey(showId)));
  return { owner: new Map(seats.map((s, i) => [s, owners[i] ?? null])), booked };
}

function mismatches(map: SeatMap, state: Awaited<ReturnType<typeof redisState>>): number {
  let count = 0;
  for (const row of map.rows) {
    for (const seat of row.seats) {
      if (!seat) continue;
      const inRedis = state.booked.has(seat.seatId) ? "BOOKED" : state.owner.get(seat.seatId) ? "HELD" : "AVAILABLE";
      if (inRedis !== seat.state) count += 1;
    }
  }
  return count;
}

/**
 * `holds`: the 201 answers. `unanswered`: seats asked for by each user whose request got no
 * answer or a 5xx (every request of the storm is a user of its own).
 */
export async function checkFill(
  redis: Redis,
  baseUrl: string,
  showId: string,
  seats: string[],
  holds: Hold[],
  unanswered: Map<string, string[]>,
): Promise<{ check: FillCheck; unansweredHolds: Hold[] }> {
  const state = await redisState(redis, showId, seats);
  const map = await seatMapOf(baseUrl, showId);

  const claimedBy = new Map<string, string>();
  let doubleClaims = 0;
  for (const hold of holds) {
    for (const seat of hold.seatIds) {
      if (claimedBy.has(seat)) doubleClaims += 1;
      else claimedBy.set(seat, lockOwner(hold.userId, hold.holdId));
    }
  }

  const records = holds.length ? await redis.mget(holds.map((h) => holdKey(showId, h.holdId))) : [];
  let lostHolds = 0;
  holds.forEach((hold, i) => {
    const owner = lockOwner(hold.userId, hold.holdId);
    const record = records[i] ? (JSON.parse(records[i] as string) as Hold) : undefined;
    const recordOk = record?.userId === hold.userId && record.seatIds.join() === hold.seatIds.join();
    if (!recordOk || hold.seatIds.some((s) => state.owner.get(s) !== owner)) lostHolds += 1;
  });

  let orphanLocks = 0;
  let unansweredHoldSeats = 0;
  const unansweredHolds = new Map<string, Hold>();
  for (const [seat, owner] of state.owner) {
    if (!owner || claimedBy.get(seat) === owner) continue;
    const at = owner.lastIndexOf(":");
    const userId = owner.slice(0, at);
    const holdId = owner.slice(at + 1);
    if (!unanswered.get(userId)?.includes(seat)) {
      orphanLocks += 1;
      continue;
    }
    unansweredHoldSeats += 1;
    const hold = unansweredHolds.get(holdId) ?? { holdId, userId, seatIds: [] };
    hold.seatIds.push(seat);
    unansweredHolds.set(holdId, hold);
  }

  return {
    check: {
      holds: holds.length,
      seatsHeld: claimedBy.size,
      doubleClaims,
      lostHolds,
      unansweredHoldSeats,
      orphanLocks,
      seatMapMismatches: mismatches(map, state),
      available: map.counts.available,
    },
    unansweredHolds: [...unansweredHolds.values()],
  };
}

export async function checkEmpty(redis: Redis, baseUrl: string, showId: string, seats: string[]): Promise<EmptyCheck> {
  const state = await redisState(redis, showId, seats);
  const map = await seatMapOf(baseUrl, showId);
  return {
    locksLeft: [...state.owner.values()].filter(Boolean).length,
    available: map.counts.available,
    seatMapMismatches: mismatches(map, state),
  };
}
