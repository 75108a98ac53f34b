/**
 * The hold script's own ceiling: src/seats/lua/hold-seats.lua run straight on Redis with ioredis
 * EVALSHA, at the storm's concurrency, with the production keys and arguments, seats chosen the
 * same way (bench/seat-picker.ts). Each fill uses a scratch show id whose keys are deleted after
 * it (outside the timed part), until the time is up.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Redis } from "ioredis";
import { ROOT } from "../../dev/local-stack.ts";
import { newHoldId } from "../../src/domain/hold-id.ts";
import {
  bookedSeatsKey,
  holdAddressBudgetKey,
  holdKey,
  personBudgetKey,
  REFUSAL_COUNTS_KEY,
  scriptText,
  seatLocksKey,
  showStateKey,
  userHoldsKey,
} from "../../src/seats/redis-contract.ts";
import { BENCH_LAYOUT } from "../fixtures.ts";
import { Recorder, type StepSummary } from "../measure.ts";
import { SeatPicker } from "../seat-picker.ts";

/** As in the worker: src/seats/seat-store.ts HOLD_RECORD_GRACE_MS, seats/routes.ts MAX_ACTIVE_HOLDS_PER_SHOW. */
const HOLD_RECORD_GRACE_MS = 3_600_000;
const MAX_ACTIVE_HOLDS = 2;
const HOLD_TTL_MS = 300_000;
/** src/env.ts's deployed seat budgets (live seats a person, an address); each fill's user has its own address. */
const BUDGET_PER_PERSON = 20;
const BUDGET_PER_ADDRESS = 40;

export interface CeilingResult {
  summary: StepSummary;
  fills: number;
}

export async function luaCeiling(
  redis: Redis,
  opts: { connections: number; durationS: number },
): Promise<CeilingResult> {
  const lua = (name: string) => readFileSync(path.join(ROOT, `src/seats/lua/${name}.lua`), "utf8");
  const sha = (await redis.script(
    "LOAD",
    // As src/seats/store/seat-scripts.ts: the prelude and the hall rules before the script.
    scriptText(lua("hold-seats"), `${lua("prelude")}\n${lua("hall")}`, { keyLocking: false }),
  )) as string;
  const recorder = new Recorder();
  let fills = 0;
  let users = 0;

  async function hold(showId: string, seatIds: string[]): Promise<string[]> {
    const userId = `ceiling-${users++}`;
    // Each user its own address: the budget tag a hold id carries (16 hex digits).
    const holdId = newHoldId(showId, users.toString(16).padStart(16, "0"));
    const now = Date.now();
    const record = {
      holdId,
      showId,
      userId,
      seatIds,
      quantity: seatIds.length,
      status: "HELD",
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + HOLD_TTL_MS).toISOString(),
      expiresAtMs: now + HOLD_TTL_MS,
    };
    const keys = [
      holdKey(showId, holdId),
      userHoldsKey(showId, userId),
      bookedSeatsKey(showId),
      showStateKey(showId),
      seatLocksKey(showId),
      personBudgetKey(userId),
      holdAddressBudgetKey(holdId),
      REFUSAL_COUNTS_KEY,
    ];
    const args = [
      userId,
      holdId,
      String(now),
      String(HOLD_TTL_MS),
      String(HOLD_TTL_MS + HOLD_RECORD_GRACE_MS),
      JSON.stringify(record),
      String(MAX_ACTIVE_HOLDS),
      String(record.expiresAtMs),
      String(BUDGET_PER_PERSON),
      String(BUDGET_PER_ADDRESS),
      "", // no waiting room on the bench's shows
      "0", // no hall rows: the orphan rule is a per-show setting, off on the bench's shows
      ...seatIds,
    ];
    return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as string[];
  }

  const deadline = performance.now() + opts.durationS * 1000;
  while (performance.now() < deadline) {
    const showId = randomUUID();
    const picker = new SeatPicker(BENCH_LAYOUT);
    await redis.set(showStateKey(showId), String(Date.now())); // a warm show, as after its first hold
    recorder.start();
    await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        for (let seats = picker.pick(); seats; seats = picker.pick()) {
          const started = performance.now();
          const reply = await hold(showId, seats);
          const ms = performance.now() - started;
          if (reply[0] === "HELD") picker.taken(seats);
          else if (reply[0] === "SEAT_TAKEN") picker.taken(reply.slice(1));
          recorder.add("ceiling", {
            status: reply[0] === "HELD" ? 201 : 409,
            errorCode: reply[0] === "HELD" ? undefined : reply[0],
            ms,
          });
        }
      }),
    );
    recorder.stop();
    fills += 1;
    await deleteShowKeys(redis, showId);
  }
  const summary = recorder.summary().ceiling;
  if (!summary) throw new Error("ceiling: no script ran");
  return { summary, fills };
}

async function deleteShowKeys(redis: Redis, showId: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `*{${showId}}*`, "COUNT", 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}
