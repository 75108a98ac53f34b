/**
 * The throughput half of the bench, on the 0 ms stack: the floor, the catalog, the seat map, the
 * hold storm, the Lua ceiling and the booking loop, each with the CPU it cost per request, and
 * the ratios between them.
 */
import type { Redis } from "ioredis";
import { CONFIG } from "./config.ts";
import { type CpuByRole, CpuMeter } from "./cpu.ts";
import type { BenchData } from "./fixtures.ts";
import { Recorder, type StepSummary } from "./measure.ts";
import { type CpuRow, stackCpuMs, type ThroughputFigures, type ThroughputRow } from "./report.ts";
import { bookingLoop, checkBookings, seatBlocks } from "./scenarios/booking.ts";
import { holdStorm } from "./scenarios/hold-storm.ts";
import { luaCeiling } from "./scenarios/lua-ceiling.ts";
import { measureGet, paths, warmCatalog, warmShow } from "./scenarios/reads.ts";
import type { BenchStack } from "./stack.ts";

export interface ThroughputResult extends ThroughputFigures {
  rows: ThroughputRow[];
}

export async function throughput(
  stack: BenchStack,
  data: BenchData,
  redis: Redis,
  progress: (line: string) => void,
): Promise<ThroughputResult> {
  const base = stack.url;
  const rows: ThroughputRow[] = [];
  const add = (scenario: string, what: string, connections: number, summary: StepSummary) =>
    rows.push({ scenario, what, connections, summary });

  const cpuUse = new Map<string, { used: CpuByRole; requests: number; replaced: boolean }>();
  /** Runs a scenario and adds up the CPU each process of the stack (and the load generator) spent. */
  async function metered<T>(scenario: string, run: () => Promise<T>, requests: (r: T) => number): Promise<T> {
    const meter = new CpuMeter(stack);
    meter.start();
    const result = await run();
    const { used, replaced } = meter.stop();
    const acc = cpuUse.get(scenario) ?? { used: {}, requests: 0, replaced: false };
    for (const [role, ms] of Object.entries(used)) acc.used[role] = (acc.used[role] ?? 0) + ms;
    acc.requests += requests(result);
    acc.replaced ||= replaced;
    cpuUse.set(scenario, acc);
    return result;
  }

  // The floor is measured in short bursts between the scenarios, and the ratios divide by the
  // median burst: a machine whose load changes during the run (other work on it) moves single
  // bursts a lot, the median little.
  const reads = CONFIG.reads;
  const floorAll = new Recorder();
  const floorBursts: number[] = [];
  async function floorBurst(): Promise<void> {
    const before = floorAll.summary().floor?.requests ?? 0;
    const seconds = floorAll.seconds;
    await metered(
      "floor",
      () => measureGet(base, "floor", paths.floor, { ...reads, durationS: CONFIG.floorBurstS }, floorAll),
      (r) => r.requests - before,
    );
    const rps = ((floorAll.summary().floor?.requests ?? 0) - before) / (floorAll.seconds - seconds);
    floorBursts.push(Math.round(rps * 10) / 10);
  }
  const getAll = (r: StepSummary) => r.requests;

  progress("floor: GET /health/redis");
  await measureGet(base, "warm-up", paths.floor, { connections: 4, amount: 100 });
  await floorBurst();

  progress("catalog: GET /movies (cache hit)");
  await warmCatalog(base);
  const catalog = await metered("catalog", () => measureGet(base, "catalog", paths.catalog, reads), getAll);
  add("catalog read (cache hit)", "GET /api/v1/movies?pageSize=20", reads.connections, catalog);
  await floorBurst();

  progress("seat map of a 1,000-seat show");
  const mapShow = await data.createShow();
  await warmShow(base, mapShow);
  const seatmap = await metered("seat map", () => measureGet(base, "seatmap", paths.seatmap(mapShow), reads), getAll);
  add("seat map (1,000 seats)", "GET /api/v1/shows/{id}/seatmap", reads.connections, seatmap);
  await floorBurst();

  const { connections, rounds } = CONFIG.storm;
  progress(`hold storm: ${rounds} × fill a 1,000-seat show with ${connections} users at a time, then release`);
  const storm = await metered(
    "hold storm (holds + releases)",
    () => holdStorm(base, redis, () => data.createShow(), CONFIG.storm),
    (r) => r.hold.requests + r.release.requests,
  );
  add("hold storm", "POST /api/v1/holds", connections, storm.hold);
  add("hold storm: releases", "DELETE /api/v1/holds/{id}", connections, storm.release);
  await floorBurst();

  progress("ceiling: hold-seats.lua via ioredis EVALSHA");
  const ceiling = await luaCeiling(redis, CONFIG.ceiling);
  add("ceiling (hold-seats.lua direct)", "EVALSHA on Redis", CONFIG.ceiling.connections, ceiling.summary);

  progress("booking loop: hold → order → payment, paid on the sandbox, confirmed by its webhook");
  const b = CONFIG.booking;
  const bookingShows: string[] = [];
  for (let i = 0; i < b.shows; i++) bookingShows.push(await data.createShow());
  for (const show of bookingShows) await warmShow(base, show);
  await floorBurst();
  const booking = await metered(
    "booking loop (per request; 3 per loop)",
    () =>
      bookingLoop(base, {
        connections: b.connections,
        durationS: b.durationS,
        blocks: seatBlocks(bookingShows, b.seats),
        userPrefix: "booker",
        sandboxUrl: stack.paymentSandboxUrl,
      }),
    (r) => r.steps.hold.requests + r.steps.order.requests + r.steps.payment.requests,
  );
  await floorBurst();
  const steps = booking.steps;
  add("booking loop", "POST /api/v1/holds", b.connections, steps.hold);
  add("booking loop", "POST /api/v1/orders", b.connections, steps.order);
  add("booking loop", "POST /api/v1/orders/{id}/payment", b.connections, steps.payment);
  add("booking loop", "whole loop (3 requests)", b.connections, steps.loop);

  const floor = floorAll.summary().floor as StepSummary;
  rows.unshift({
    scenario: "floor (1 bare Redis PING)",
    what: "GET /api/v1/health/redis",
    connections: reads.connections,
    summary: floor,
  });
  const cpu: CpuRow[] = [...cpuUse].map(([scenario, { used, requests, replaced }]) => ({
    scenario,
    requests,
    msPerRequest: Object.fromEntries(Object.entries(used).map(([role, ms]) => [role, ms / requests])),
    workerReloaded: replaced,
  }));

  const sorted = [...floorBursts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const floorRps = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const stackCpu = (scenario: string) => {
    const row = cpu.find((c) => c.scenario === scenario);
    return row ? stackCpuMs(row.msPerRequest) : Number.NaN;
  };

  return {
    rows,
    floorBursts,
    cpu,
    ratios: {
      "hold requests/s ÷ floor/s": storm.hold.rps / floorRps,
      "successful holds (201)/s ÷ floor/s": storm.hold.okRps / floorRps,
      "seat maps/s ÷ floor/s": seatmap.rps / floorRps,
      "catalog reads/s ÷ floor/s": catalog.rps / floorRps,
      "booking loops/s ÷ floor/s": steps.loop.rps / floorRps,
      "hold requests/s ÷ hold-seats.lua ceiling/s": storm.hold.rps / ceiling.summary.rps,
      "stack CPU per seat map ÷ per floor request": stackCpu("seat map") / stackCpu("floor"),
      "stack CPU per storm request (holds + releases) ÷ per floor request":
        stackCpu("hold storm (holds + releases)") / stackCpu("floor"),
    },
    storm: { rounds: storm.rounds, ceilingFills: ceiling.fills },
    booking: await checkBookings(redis, data, booking.outcome),
  };
}
