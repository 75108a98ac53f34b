/**
 * `npm run bench:onsale`: the simulated on-sale (issue 15, point 5) straight on Redis with the
 * production scripts (bench/scenarios/onsale.ts). Uses BENCH_REDIS_URL (default db 11 of the
 * local Redis), which it FLUSHes first: never point it at data you keep. Prints a markdown table
 * and writes the raw numbers to bench/results/onsale.json. See docs/BENCHMARKS.md.
 * Options: --visitors N (pre-queue), --shows N (1,000-seat shows), --rate N (admissions a second).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { ROOT } from "../dev/local-stack.ts";
import { type OnsaleResult, simulateOnsale } from "./scenarios/onsale.ts";

const progress = (line: string) => process.stderr.write(`[bench:onsale] ${line}\n`);
const { values } = parseArgs({
  options: {
    visitors: { type: "string", default: "1000000" },
    shows: { type: "string", default: "150" },
    rate: { type: "string", default: "2000" },
  },
});

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function markdown(r: OnsaleResult, load: { start: number[]; end: number[] }): string {
  const o = r.options;
  const f = r.fairness;
  return [
    `| on-sale (straight on Redis, production Lua) | measured |`,
    `| --- | --- |`,
    `| seats (1,000-seat shows) | ${fmt(r.seats)} (${o.shows}) |`,
    `| visitors in the pre-queue / arriving after opening | ${fmt(o.preQueue)} / ${fmt(o.lateArrivals)} |`,
    `| pre-queue joins (queue-poll.lua, pipelined) | ${fmt(r.joinWallS, 1)} s wall, ${fmt(r.joinsPerSecond)} joins/s |`,
    `| a queued visitor's poll at full depth | ${fmt(r.pollsPerSecondAtDepth)} polls/s |`,
    `| sold out | ${r.soldOut ? "yes" : "no"}: ${fmt(r.seatsSold)} seats to ${fmt(r.buyers)} buyers (${fmt(r.gaveUp)} gave up) |`,
    `| time to sell out (simulated clock, admission ${fmt(o.admitPerSecond)}/s) | ${fmt(r.simulatedSellOutS, 1)} s |`,
    `| wall time of the sale (the scripts' own cost) | ${fmt(r.saleWallS, 1)} s |`,
    `| admissions | ${fmt(r.admitted)}: ${fmt(r.admissionsPerSimulatedSecond)}/s simulated, ${fmt(r.admissionsPerWallSecond)}/s wall |`,
    `| script calls (round trips) per seat sold | ${fmt(r.scriptCallsPerSeatSold, 2)} |`,
    `| Redis commands per seat sold (INFO commandstats, incl. inside scripts) | ${fmt(r.redisCommandsPerSeatSold, 1)} |`,
    `| fairness: Spearman admission vs randomised place | ${fmt(f.admissionVsPlace, 4)} |`,
    `| fairness: Spearman admission vs arrival before opening | ${fmt(f.admissionVsArrival, 4)} |`,
    `| fairness: largest rank displacement (places) | ${fmt(f.maxDisplacement)} |`,
    `| fairness: admitted who arrived in the first quarter | ${fmt(f.earliestQuarterShare * 100, 1)} % (25 % = no edge) |`,
    `| late arrivals admitted before the pre-queue was through | ${fmt(f.lateArrivalsAdmittedBeforePreQueue)} |`,
    `| stranded single seats at 50 % / 90 % sold / end (free at end) | ${fmt(r.orphans.atHalf)} / ${fmt(r.orphans.atNinety)} / ${fmt(r.orphans.atEnd)} (${fmt(r.orphans.freeAtEnd)}) |`,
    `| double bookings: seats held twice / booked sets − seats sold | ${fmt(r.doubleBookings.claimedTwice)} / ${fmt(r.doubleBookings.bookedSetsVsSold)} |`,
    `| machine | ${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? "?"}, load ${load.start.map((l) => l.toFixed(2)).join(" ")} → ${load.end.map((l) => l.toFixed(2)).join(" ")} |`,
  ].join("\n");
}

async function main(): Promise<void> {
  const url = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/11";
  const redis = new Redis(url);
  try {
    const loadStart = os.loadavg();
    progress(`flushing ${url}`);
    await redis.flushdb();
    await redis.config("RESETSTAT");
    const result = await simulateOnsale(
      redis,
      {
        shows: Number(values.shows),
        preQueue: Number(values.visitors),
        lateArrivals: 10_000,
        admitPerSecond: Number(values.rate),
        maxActive: 20_000,
        tickMs: 100,
        maxWallS: 240,
        pollSample: 100_000,
      },
      progress,
    );
    const load = { start: loadStart, end: os.loadavg() };
    console.log(markdown(result, load));
    const dir = path.join(ROOT, "bench/results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "onsale.json"), JSON.stringify({ ...result, load, node: process.version }, null, 2));
    await redis.flushdb();
    const bad = result.doubleBookings.claimedTwice !== 0 || result.doubleBookings.bookedSetsVsSold !== 0;
    if (bad) {
      progress("DOUBLE BOOKING: see the table");
      process.exitCode = 1;
    }
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
