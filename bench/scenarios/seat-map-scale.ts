/**
 * Issue 14's seat-map figures. (1) Redis keys one seat-map read touches, as the hall grows from
 * 100 to 1,000 to 5,000 seats, every seat held: src/seats/lua/read-seat-states.lua (new) and the
 * script it replaced (old: one lock key per seat, MGET), both run straight on Redis, counting the
 * server's key lookups (`INFO stats`: keyspace_hits + keyspace_misses) around each call. (2) N
 * concurrent pollers of one show through the worker: the Redis reads they cost per second (the
 * sum of Server-Timing's redis calls), with the shared snapshot in front of Redis.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { ROOT } from "../../dev/local-stack.ts";
import { bookedSeatsKey, lockValue, scriptText, seatLocksKey, showStateKey } from "../../src/seats/redis-contract.ts";
import { runLoad } from "../load.ts";
import { Recorder, round } from "../measure.ts";
import { clientHeaders, paths } from "./reads.ts";

/** The seat-map script before issue 14 (main at 6a90d78), verbatim but for its comments. */
const OLD_READ = `if redis.call('EXISTS', KEYS[2]) ~= 1 then return {'SHOW_STATE_MISSING'} end
local owners = {}
if #KEYS > 2 then owners = redis.call('MGET', unpack(KEYS, 3)) end
return {'SEATS', redis.call('SMEMBERS', KEYS[1]), owners}`;
const oldLockKey = (showId: string, seat: string) => `seat_lock:{${showId}}:${seat}`;

export interface KeysRow {
  seats: number;
  oldKeys: number;
  newKeys: number;
  /** Array elements of each reply (what travels back). */
  oldReplyItems: number;
  newReplyItems: number;
}

export interface PollersRow {
  pollers: number;
  seconds: number;
  requests: number;
  rps: number;
  redisReads: number;
  redisReadsPerSecond: number;
  /** The machine's 1-minute load average when it started. */
  load1: number;
}

async function lookups(redis: Redis): Promise<number> {
  const info = await redis.info("stats");
  const field = (name: string) => Number(new RegExp(`${name}:(\\d+)`).exec(info)?.[1] ?? 0);
  return field("keyspace_hits") + field("keyspace_misses");
}

const items = (reply: unknown): number =>
  Array.isArray(reply) ? reply.reduce((n: number, x) => n + (Array.isArray(x) ? items(x) : 1), 0) : 1;

/** Fewest key lookups over a few calls (anything else on the server only adds). */
async function keysOf(redis: Redis, run: () => Promise<unknown>): Promise<{ keys: number; replyItems: number }> {
  let keys = Number.POSITIVE_INFINITY;
  let replyItems = 0;
  for (let i = 0; i < 5; i++) {
    const before = await lookups(redis);
    replyItems = items(await run());
    keys = Math.min(keys, (await lookups(redis)) - before);
  }
  return { keys, replyItems };
}

export async function seatMapKeys(redis: Redis, halls = [100, 1_000, 5_000]): Promise<KeysRow[]> {
  const lua = (name: string) => readFileSync(path.join(ROOT, `src/seats/lua/${name}.lua`), "utf8");
  const read = scriptText(lua("read-seat-states"), lua("prelude"), { keyLocking: false });
  const rows: KeysRow[] = [];
  for (const seats of halls) {
    const showId = randomUUID();
    const seatIds = Array.from({ length: seats }, (_, i) => `R${Math.floor(i / 100)}S${i % 100}`);
    const deadline = Date.now() + 600_000;
    const owner = `bench-keys:${showId}`;
    // The same full hall both ways: every seat held, the state epoch present.
    await redis.set(showStateKey(showId), "1");
    await redis.hset(seatLocksKey(showId), Object.fromEntries(seatIds.map((s) => [s, lockValue(owner, deadline)])));
    const pipe = redis.pipeline();
    for (const s of seatIds) pipe.set(oldLockKey(showId, s), owner, "PX", 600_000);
    await pipe.exec();
    const keysNew = [bookedSeatsKey(showId), showStateKey(showId), seatLocksKey(showId)];
    const keysOld = [bookedSeatsKey(showId), showStateKey(showId), ...seatIds.map((s) => oldLockKey(showId, s))];
    const fresh = await keysOf(redis, () => redis.eval(read, keysNew.length, ...keysNew, String(Date.now())));
    const old = await keysOf(redis, () => redis.eval(OLD_READ, keysOld.length, ...keysOld));
    rows.push({
      seats,
      oldKeys: old.keys,
      newKeys: fresh.keys,
      oldReplyItems: old.replyItems,
      newReplyItems: fresh.replyItems,
    });
    await redis.unlink(...keysNew, ...keysOld);
  }
  return rows;
}

/** N connections polling one show's seat map as fast as they can, for `seconds` each. */
export async function pollers(
  baseUrl: string,
  showId: string,
  counts: readonly number[],
  seconds: number,
  progress: (line: string) => void,
): Promise<PollersRow[]> {
  const rows: PollersRow[] = [];
  for (const n of counts) {
    progress(`seat map pollers: ${n} at once on one show`);
    const recorder = new Recorder();
    const load1 = os.loadavg()[0] ?? 0;
    await runLoad({
      baseUrl,
      connections: n,
      durationS: seconds,
      recorder,
      steps: [
        { name: "poll", method: "GET", path: paths.seatmap(showId), prepare: () => ({ headers: clientHeaders() }) },
      ],
    });
    const s = recorder.summary().poll;
    if (!s) throw new Error("seat map pollers: no answers");
    const reads = s.totalCalls.redis;
    rows.push({
      pollers: n,
      seconds: round(recorder.seconds, 1),
      requests: s.requests,
      rps: s.rps,
      redisReads: reads,
      redisReadsPerSecond: round(reads / recorder.seconds, 2),
      load1,
    });
  }
  return rows;
}
