/**
 * The simulated on-sale (issue 15, point 5), straight on Redis with the production scripts: the
 * waiting room's queue-poll/queue-leave and the seats' hold-best-seats/order-hold/
 * settle-order-seats, loaded from src/ as the worker loads them (same prelude, same key contract).
 * The clock is simulated (every script takes `now` from ARGV), so a minute of on-sale costs only
 * the scripts' own time; each tick's calls go out as one ioredis pipeline (they interleave in
 * Redis as concurrent requests would, each script atomic).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChainableCommander, Redis } from "ioredis";
import { ROOT } from "../../dev/local-stack.ts";
import { bestRowsOf, type HallRow, ROW_WEIGHT } from "../../src/domain/best-seats.ts";
import { newHoldId } from "../../src/domain/hold-id.ts";
import { eventActiveKey, eventDoneKey, eventKeys, eventLineKey } from "../../src/onsale/redis-keys.ts";
import {
  bookedSeatsKey,
  HOLD_RECORD_GRACE_MS,
  hallRowArg,
  holdAddressBudgetKey,
  holdKey,
  personBudgetKey,
  REFUSAL_COUNTS_KEY,
  SETTLED_HOLD_TTL_MS,
  scriptText,
  seatLocksKey,
  showStateKey,
  userHoldsKey,
} from "../../src/seats/redis-contract.ts";
import { BENCH_LAYOUT } from "../fixtures.ts";

export interface OnsaleOptions {
  shows: number;
  /** Visitors in the pre-queue at opening, and arrivals after it (queued in order). */
  preQueue: number;
  lateArrivals: number;
  admitPerSecond: number;
  maxActive: number;
  /** Simulated ms per tick. */
  tickMs: number;
  /** Wall-clock bound of the sale phase. */
  maxWallS: number;
  /** Random queued visitors' polls timed at full depth (the poll's own cost). */
  pollSample: number;
}

/** As the worker: src/env.ts defaults, seats/use-cases/hold-seats.ts, onsale/queue-store.ts. */
const WORKER = {
  holdTtlMs: 300_000,
  paymentWindowMs: 600_000,
  maxActiveHolds: 2,
  budgetPerPerson: 20,
  budgetPerAddress: 40,
  maxAdmissionsPerCall: 500,
  admissionWindowMs: 600_000,
  queueTtlMs: 86_400_000,
} as const;
const EVENT_ID = "00000000-0000-4000-8000-0000000005a1";
const CATEGORIES = ["CLASSIC", "PRIME", "RECLINER"];
/** Seats a buyer asks for: mostly couples and families. */
const QUANTITIES = [1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6];

type Script = "poll" | "leave" | "configure" | "holdBest" | "order" | "settle";

async function loadScripts(redis: Redis): Promise<Record<Script, string>> {
  const lua = (file: string) => readFileSync(path.join(ROOT, "src", file), "utf8");
  const prelude = lua("seats/lua/prelude.lua");
  const seatPrelude = `${prelude}\n${lua("seats/lua/hall.lua")}`;
  const texts: Record<Script, string> = {
    poll: scriptText(lua("onsale/lua/queue-poll.lua"), prelude, { keyLocking: false }),
    leave: scriptText(lua("onsale/lua/queue-leave.lua"), prelude, { keyLocking: false }),
    configure: scriptText(lua("onsale/lua/queue-configure.lua"), prelude, { keyLocking: false }),
    holdBest: scriptText(lua("seats/lua/hold-best-seats.lua"), seatPrelude, { keyLocking: false }),
    order: scriptText(lua("seats/lua/order-hold.lua"), seatPrelude, { keyLocking: false }),
    settle: scriptText(lua("seats/lua/settle-order-seats.lua"), seatPrelude, { keyLocking: false }),
  };
  const shas = {} as Record<Script, string>;
  for (const [name, text] of Object.entries(texts) as [Script, string][]) {
    shas[name] = (await redis.script("LOAD", text)) as string;
  }
  return shas;
}

/** A seeded generator, so a run is repeatable (Math.random is not seedable). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OnsaleResult {
  options: OnsaleOptions;
  seats: number;
  joinWallS: number;
  joinsPerSecond: number;
  pollsPerSecondAtDepth: number;
  soldOut: boolean;
  seatsSold: number;
  simulatedSellOutS: number;
  saleWallS: number;
  admitted: number;
  admissionsPerSimulatedSecond: number;
  admissionsPerWallSecond: number;
  buyers: number;
  gaveUp: number;
  scriptCalls: Record<Script, number>;
  scriptCallsPerSeatSold: number;
  redisCommandsPerSeatSold: number;
  fairness: {
    /** Spearman: admission tick vs randomised place rank (1 = admitted exactly in place order). */
    admissionVsPlace: number;
    /** Spearman: admission tick vs arrival order before opening (≈ 0 = arriving early gave no edge). */
    admissionVsArrival: number;
    /** Largest gap between a visitor's admission position and place rank (places; < one tick's batch). */
    maxDisplacement: number;
    /** Share of the admitted who arrived in the first quarter of the pre-queue (0.25 = no edge). */
    earliestQuarterShare: number;
    lateArrivalsAdmittedBeforePreQueue: number;
  };
  orphans: { atHalf: number; atNinety: number; atEnd: number; freeAtEnd: number };
  doubleBookings: { claimedTwice: number; bookedSetsVsSold: number };
}

export async function simulateOnsale(
  redis: Redis,
  o: OnsaleOptions,
  progress: (line: string) => void,
): Promise<OnsaleResult> {
  const sha = await loadScripts(redis);
  const calls: Record<Script, number> = { poll: 0, leave: 0, configure: 0, holdBest: 0, order: 0, settle: 0 };
  const run = (p: ChainableCommander, name: Script, keys: string[], args: (string | number)[]) => {
    calls[name] += 1;
    p.evalsha(sha[name], keys.length, ...keys, ...args.map(String));
  };
  const random = mulberry32(15);
  const keys = eventKeys(EVENT_ID);
  const { rows, bestOrdinal } = bestRowsOf(BENCH_LAYOUT);
  const rowArgs = (category?: string) =>
    rows
      .filter((row) => category === undefined || row.category === category)
      .map((row) => hallRowArg(row, 2 * ROW_WEIGHT * (row.ordinal - bestOrdinal)));
  const argsByCategory = new Map<string | undefined, string[]>([
    [undefined, rowArgs()],
    ...CATEGORIES.map((c) => [c, rowArgs(c)] as [string, string[]]),
  ]);
  const seatsPerShow = rows.reduce((n, row) => n + row.seats.filter(Boolean).length, 0);
  const showIds = Array.from({ length: o.shows }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  const epoch = Date.now();
  const opensAt = epoch + 3_600_000;
  {
    const p = redis.pipeline();
    for (const showId of showIds) p.set(showStateKey(showId), String(epoch)); // warm shows, as after a rebuild
    // A new event ('1'): its done set starts whole, as staff's PUT …/onsale writes it.
    run(p, "configure", keys, [
      opensAt,
      o.admitPerSecond,
      o.maxActive,
      WORKER.admissionWindowMs,
      WORKER.queueTtlMs,
      "1",
    ]);
    await p.exec();
  }

  // 1. The pre-queue: every visitor joins before opening, with a draw as QueueStore.poll makes it.
  const joinStarted = performance.now();
  const visitor = (i: number) => `v${i}`;
  const poll = (p: ChainableCommander, who: string, now: number) =>
    run(p, "poll", keys, [who, now, random(), WORKER.maxAdmissionsPerCall, WORKER.queueTtlMs]);
  for (let i = 0; i < o.preQueue; i += 5_000) {
    const p = redis.pipeline();
    for (let j = i; j < Math.min(i + 5_000, o.preQueue); j++) poll(p, visitor(j), epoch + j);
    await p.exec();
    if (i % 200_000 === 0) progress(`on-sale: ${i.toLocaleString("en")} joined the pre-queue`);
  }
  const joinWallS = (performance.now() - joinStarted) / 1000;
  // The randomised places, read once for the fairness figures (not part of the sale).
  const placeRank = new Int32Array(o.preQueue);
  for (let start = 0; start < o.preQueue; start += 100_000) {
    const members = await redis.zrange(eventLineKey(EVENT_ID), String(start), String(start + 99_999));
    members.forEach((m, k) => {
      placeRank[Number(m.slice(1))] = start + k;
    });
  }
  // Later arrivals queue in order behind the pre-queue; the last of them moves the line each tick.
  {
    const p = redis.pipeline();
    // All at the opening instant: a later "now" would let these joins admit ahead of the timed sale.
    for (let j = 0; j < o.lateArrivals; j++) poll(p, `late${j}`, opensAt);
    await p.exec();
  }
  const driver = `late${o.lateArrivals - 1}`;

  // 2. Polls at full depth: what one queued visitor's refresh costs (ZRANK in a line this long).
  const sampleStarted = performance.now();
  {
    const p = redis.pipeline();
    for (let k = 0; k < o.pollSample; k++) poll(p, visitor(Math.floor(random() * o.preQueue)), opensAt - 1);
    await p.exec();
  }
  const pollsPerSecondAtDepth = o.pollSample / ((performance.now() - sampleStarted) / 1000);
  progress(`on-sale: ${o.preQueue.toLocaleString("en")} joined in ${joinWallS.toFixed(1)} s; opening`);

  // 3. The sale: tick by tick, the line moves, the admitted learn it by polling, hold best, order, pay, leave.
  const commandsBefore = await commandCount(redis);
  const free = new Array<number>(o.shows).fill(seatsPerShow);
  const owner = new Map<string, string>();
  let claimedTwice = 0;
  const admissionTick = new Map<number, number>();
  let admitted = 0;
  let maxDisplacement = 0;
  let lateAdmittedEarly = 0;
  let seatsSold = 0;
  let buyers = 0;
  let gaveUp = 0;
  let tick = 0;
  let now = opensAt;
  const orphans = { atHalf: -1, atNinety: -1, atEnd: -1, freeAtEnd: 0 };
  /** Each shopper its own address: the budget tag its hold ids carry (16 hex digits, as seat-budget.ts). */
  const addressTagOf = (who: string) => createHash("sha256").update(who).digest("hex").slice(0, 16);
  type Shopper = { who: string; quantity: number; category?: string; tries: number; address: string };
  let shopping: Shopper[] = [];
  const saleStarted = performance.now();
  const total = seatsPerShow * o.shows;
  const wallOk = () => performance.now() - saleStarted < o.maxWallS * 1000;
  while (seatsSold < total && wallOk()) {
    now = opensAt + tick * o.tickMs;
    const p = redis.pipeline();
    poll(p, driver, now);
    p.zrangebyscore(eventActiveKey(EVENT_ID), now + WORKER.admissionWindowMs, now + WORKER.admissionWindowMs);
    const [, newly] = ((await p.exec()) ?? []).map(([, r]) => r) as [unknown, string[]];
    const fresh = newly.filter((m) => m !== driver);
    // Rank displacement: an admission this tick should hold a place among the next `fresh.length`.
    for (const m of fresh) {
      if (m.startsWith("late")) {
        if (admitted < o.preQueue) lateAdmittedEarly += 1;
        continue;
      }
      const i = Number(m.slice(1));
      admissionTick.set(i, tick);
      const rank = placeRank[i] ?? 0;
      const off = rank < admitted ? admitted - rank : Math.max(0, rank - (admitted + fresh.length - 1));
      maxDisplacement = Math.max(maxDisplacement, off);
    }
    admitted += fresh.length;
    const discover = redis.pipeline();
    for (const who of fresh) {
      poll(discover, who, now); // their own refresh says ADMITTED
      const category = random() < 0.3 ? CATEGORIES[Math.floor(random() * 3)] : undefined;
      const quantity = QUANTITIES[Math.floor(random() * QUANTITIES.length)] ?? 2;
      shopping.push({ who, quantity, category, tries: 0, address: addressTagOf(who) });
    }
    if (fresh.length) await discover.exec();
    if (!fresh.length && !shopping.length && (await redis.zcard(eventLineKey(EVENT_ID))) === 0) break;

    const open = free.flatMap((n, s) => (n > 0 ? [s] : []));
    if (!open.length) break;
    const holds = redis.pipeline();
    const tries = shopping.map((shopper) => {
      const show = open[Math.floor(random() * open.length)] ?? 0;
      const showId = showIds[show] ?? "";
      const holdId = newHoldId(showId, shopper.address);
      const record = {
        holdId,
        showId,
        userId: shopper.who,
        seatIds: [],
        quantity: shopper.quantity,
        status: "HELD",
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + WORKER.holdTtlMs).toISOString(),
        expiresAtMs: now + WORKER.holdTtlMs,
      };
      run(
        holds,
        "holdBest",
        [
          holdKey(showId, holdId),
          userHoldsKey(showId, shopper.who),
          bookedSeatsKey(showId),
          showStateKey(showId),
          seatLocksKey(showId),
          personBudgetKey(shopper.who),
          holdAddressBudgetKey(holdId),
          REFUSAL_COUNTS_KEY,
          // An on-sale show: the script checks the shopper's admission was not ended early.
          eventDoneKey(EVENT_ID),
        ],
        [
          shopper.who,
          holdId,
          now,
          WORKER.holdTtlMs,
          WORKER.holdTtlMs + HOLD_RECORD_GRACE_MS,
          JSON.stringify(record),
          WORKER.maxActiveHolds,
          now + WORKER.holdTtlMs,
          WORKER.budgetPerPerson,
          WORKER.budgetPerAddress,
          now + WORKER.admissionWindowMs, // the admission's end as the shopper's token says
          shopper.quantity,
          "0",
          ...(argsByCategory.get(shopper.category) ?? []),
        ],
      );
      return { shopper, show, showId, holdId };
    });
    const replies = ((await holds.exec()) ?? []).map(([, r]) => r as string[]);
    const held: { shopper: Shopper; show: number; showId: string; holdId: string; seats: string[] }[] = [];
    const next: Shopper[] = [];
    replies.forEach((reply, k) => {
      const t = tries[k];
      if (!t) return;
      if (reply[0] === "HELD") {
        const seats = (JSON.parse(reply[1] ?? "{}") as { seatIds: string[] }).seatIds;
        for (const seat of seats) {
          const key = `${t.showId}/${seat}`;
          if (owner.has(key)) claimedTwice += 1;
          owner.set(key, t.holdId);
        }
        held.push({ ...t, seats });
        return;
      }
      // NO_BEST_SEATS <largest block> <free>: a buyer takes what fits, or tries another show.
      const largest = Number(reply[1] ?? 0);
      if (reply[0] === "NO_BEST_SEATS" && t.shopper.category === undefined && Number(reply[2]) === 0) free[t.show] = 0;
      const retry = { ...t.shopper, tries: t.shopper.tries + 1 };
      if (retry.tries >= 3) retry.category = undefined;
      if (retry.tries >= 2 && largest > 0) retry.quantity = Math.min(retry.quantity, largest);
      if (retry.tries < 8) next.push(retry);
      else gaveUp += 1;
    });
    if (held.length) {
      const orders = redis.pipeline();
      for (const h of held) {
        run(
          orders,
          "order",
          [
            holdKey(h.showId, h.holdId),
            userHoldsKey(h.showId, h.shopper.who),
            seatLocksKey(h.showId),
            personBudgetKey(h.shopper.who),
            holdAddressBudgetKey(h.holdId),
          ],
          [
            h.shopper.who,
            now,
            WORKER.paymentWindowMs,
            `order-${h.holdId}`,
            HOLD_RECORD_GRACE_MS,
            new Date(now + WORKER.paymentWindowMs).toISOString(),
            h.holdId,
            ...h.seats,
          ],
        );
      }
      await orders.exec();
      // Paid: the seats are booked, the hold a tombstone, the budgets freed and the shopper's
      // admission ends (frees for the next) in the same call, as the worker settles a paid order.
      const settles = redis.pipeline();
      for (const h of held) {
        const tombstone = {
          holdId: h.holdId,
          showId: h.showId,
          userId: h.shopper.who,
          seatIds: h.seats,
          status: "SETTLED",
        };
        run(
          settles,
          "settle",
          [
            bookedSeatsKey(h.showId),
            holdKey(h.showId, h.holdId),
            userHoldsKey(h.showId, h.shopper.who),
            seatLocksKey(h.showId),
            personBudgetKey(h.shopper.who),
            holdAddressBudgetKey(h.holdId),
            eventActiveKey(EVENT_ID),
            eventDoneKey(EVENT_ID),
          ],
          [
            h.shopper.who,
            h.holdId,
            "BOOK",
            `order-${h.holdId}`,
            JSON.stringify(tombstone),
            SETTLED_HOLD_TTL_MS,
            "1",
            "1",
            now,
            WORKER.admissionWindowMs,
            ...h.seats,
          ],
        );
        free[h.show] = Math.max(0, (free[h.show] ?? 0) - h.seats.length);
        seatsSold += h.seats.length;
        buyers += 1;
      }
      await settles.exec();
    }
    shopping = next;
    if (orphans.atHalf < 0 && seatsSold >= total / 2) orphans.atHalf = await strandedSeats(redis, showIds, now);
    if (orphans.atNinety < 0 && seatsSold >= total * 0.9) orphans.atNinety = await strandedSeats(redis, showIds, now);
    if (tick % 100 === 0)
      progress(`on-sale: t+${((now - opensAt) / 1000).toFixed(0)} s, ${seatsSold.toLocaleString("en")} sold`);
    tick += 1;
  }
  const saleWallS = (performance.now() - saleStarted) / 1000;
  const commands = (await commandCount(redis)) - commandsBefore;
  orphans.atEnd = await strandedSeats(redis, showIds, now);
  orphans.freeAtEnd = await freeSeats(redis, showIds, now);
  let bookedTotal = 0;
  for (const showId of showIds) bookedTotal += await redis.scard(bookedSeatsKey(showId));

  const admittedIds = [...admissionTick.keys()];
  const ticks = admittedIds.map((i) => admissionTick.get(i) ?? 0);
  const simulatedSellOutS = (now - opensAt) / 1000;
  const sellCalls =
    calls.poll - o.preQueue - o.lateArrivals - o.pollSample + calls.holdBest + calls.order + calls.settle + calls.leave;
  return {
    options: o,
    seats: total,
    joinWallS,
    joinsPerSecond: o.preQueue / joinWallS,
    pollsPerSecondAtDepth,
    soldOut: seatsSold === total,
    seatsSold,
    simulatedSellOutS,
    saleWallS,
    admitted,
    admissionsPerSimulatedSecond: admitted / Math.max(simulatedSellOutS, o.tickMs / 1000),
    admissionsPerWallSecond: admitted / saleWallS,
    buyers,
    gaveUp,
    scriptCalls: calls,
    // The sale's own round trips per seat (joins and the depth sample are reported apart).
    scriptCallsPerSeatSold: sellCalls / Math.max(seatsSold, 1),
    redisCommandsPerSeatSold: commands / Math.max(seatsSold, 1),
    fairness: {
      admissionVsPlace: spearman(
        ticks,
        admittedIds.map((i) => placeRank[i] ?? 0),
      ),
      admissionVsArrival: spearman(ticks, admittedIds),
      maxDisplacement,
      earliestQuarterShare: admittedIds.filter((i) => i < o.preQueue / 4).length / Math.max(admittedIds.length, 1),
      lateArrivalsAdmittedBeforePreQueue: lateAdmittedEarly,
    },
    orphans,
    doubleBookings: { claimedTwice, bookedSetsVsSold: bookedTotal - seatsSold },
  };
}

/** Every Redis command executed so far (INFO commandstats; counts the commands inside scripts too). */
async function commandCount(redis: Redis): Promise<number> {
  const info = await redis.info("commandstats");
  return [...info.matchAll(/calls=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** The free positions of every row of a show, from its booked set and live locks. */
async function freeRows(redis: Redis, showId: string, now: number): Promise<boolean[][]> {
  const [booked, locks] = await Promise.all([
    redis.smembers(bookedSeatsKey(showId)),
    redis.hgetall(seatLocksKey(showId)),
  ]);
  const taken = new Set(booked);
  for (const [seat, value] of Object.entries(locks)) if (Number(value.split("|")[0]) > now) taken.add(seat);
  return bestRowsOf(BENCH_LAYOUT).rows.map((row: HallRow) => row.seats.map((s) => s !== null && !taken.has(s)));
}

/** Free seats with no free neighbour (an aisle or a taken seat on both sides): the stranded ones. */
async function strandedSeats(redis: Redis, showIds: string[], now: number): Promise<number> {
  let n = 0;
  for (const showId of showIds) {
    for (const free of await freeRows(redis, showId, now)) {
      n += free.filter((f, p) => f && !free[p - 1] && !free[p + 1]).length;
    }
  }
  return n;
}

async function freeSeats(redis: Redis, showIds: string[], now: number): Promise<number> {
  let n = 0;
  for (const showId of showIds) for (const free of await freeRows(redis, showId, now)) n += free.filter(Boolean).length;
  return n;
}

/** Spearman's rank correlation (average ranks for ties). */
export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  if (n < 2) return Number.NaN;
  const mean = (n + 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] ?? 0) - mean;
    const db = (rb[i] ?? 0) - mean;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
