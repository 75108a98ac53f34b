/** The run's results: the JSON written to bench/results/latest.json, and its markdown tables. */
import type { ColdStartResult } from "./cold-start.ts";
import type { StepSummary } from "./measure.ts";
import { round } from "./measure.ts";
import type { BookingCheck } from "./scenarios/booking.ts";
import type { EdgeRow } from "./scenarios/edge.ts";
import type { StormRound } from "./scenarios/hold-storm.ts";
import type { KeysRow, PollersRow } from "./scenarios/seat-map-scale.ts";
import type { WebVitalsResult } from "./scenarios/web-vitals.ts";

export interface ThroughputRow {
  scenario: string;
  what: string;
  connections: number;
  summary: StepSummary;
}

export interface CpuRow {
  scenario: string;
  requests: number;
  /** CPU ms per request, by process of the stack (and the load generator). */
  msPerRequest: Record<string, number>;
  /** wrangler replaced a process meanwhile (a source file changed): the numbers are incomplete. */
  workerReloaded: boolean;
}

/** What the throughput phase measures besides its rows (bench/throughput.ts), as the report keeps it. */
export interface ThroughputFigures {
  /** req/s of the floor bursts measured between the scenarios, in order. */
  floorBursts: number[];
  cpu: CpuRow[];
  ratios: Record<string, number>;
  storm: { rounds: StormRound[]; ceilingFills: number };
  booking: BookingCheck;
}

export interface BenchResult extends ThroughputFigures {
  meta: {
    startedAt: string;
    seconds: number;
    node: string;
    cpus: number;
    cpuModel: string;
    loadAverage: { start: number[]; end: number[] };
    commit: string;
    rttMs: number;
    config: unknown;
    /** Things outside the bench that made this run unreliable. */
    disturbances: string[];
  };
  throughput: ThroughputRow[];
  edge: EdgeRow[];
  /** Issue 14: keys per seat-map read by hall size, and what pollers of one show cost Redis. */
  seatMap: { keys: KeysRow[]; pollers: PollersRow[] };
  coldStart: ColdStartResult;
  webVitals: WebVitalsResult;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const calls = (x: number) => (x === 0 ? "0" : x.toFixed(2).replace(/\.?0+$/, ""));

function errors(s: StepSummary): string {
  const entries = Object.entries(s.errors).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([code, n]) => `${code} ×${n}`).join(", ") : "–";
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function markdown(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `## housefull bench — ${r.meta.startedAt}`,
    "",
    `${r.meta.cpus} cores (${r.meta.cpuModel}), node ${r.meta.node}, commit ${r.meta.commit}, ` +
      `load average ${r.meta.loadAverage.start.map((x) => x.toFixed(1)).join("/")} at start, ` +
      `${r.meta.loadAverage.end.map((x) => x.toFixed(1)).join("/")} at end; ${r.meta.seconds.toFixed(0)} s in all.`,
    "",
    ...r.meta.disturbances.map((d) => `**Disturbed run: ${d}.**\n`),
    "### Throughput (simulated RTT 0 ms)",
    "",
    table(
      [
        "scenario",
        "request",
        "conc.",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "non-2xx",
        "db/req",
        "redis/req",
        "queue/req",
      ],
      r.throughput.map(({ scenario, what, connections, summary: s }) => [
        scenario,
        what,
        String(connections),
        String(s.requests),
        s.rps.toFixed(1),
        ms(s.p50),
        ms(s.p99),
        errors(s),
        calls(s.calls.db),
        calls(s.calls.redis),
        calls(s.calls.queue),
      ]),
    ),
    "",
    "### CPU per request, by process (ms; wall-clock independent)",
    "",
    cpuTable(r.cpu),
    "",
    "### Ratios (same run; req/s ratios divide by the median floor burst)",
    "",
    table(
      ["ratio", "value"],
      Object.entries(r.ratios).map(([k, v]) => [k, v.toFixed(3)]),
    ),
    "",
    `Floor bursts (req/s, in order: first, then after catalog, seat map, storm, the ceiling, booking): ${r.floorBursts.join(", ")}.`,
    "",
    `### Edge view (one request at a time; simulated RTT 0 vs ${r.meta.rttMs} ms)`,
    "",
    table(
      [
        "request",
        "n @0/@RTT",
        "p50 @0",
        "p99 @0",
        `p50 @${r.meta.rttMs}`,
        `p99 @${r.meta.rttMs}`,
        "RTTs / request (p50)",
        "(same from p10)",
        "db+redis calls (Server-Timing)",
        "round trips (Server-Timing)",
        "Stripe calls (not simulated)",
        "non-2xx",
      ],
      r.edge.map((e) => [
        e.step,
        `${e.at0.requests}/${e.atRtt.requests}`,
        ms(e.at0.p50),
        ms(e.at0.p99),
        ms(e.atRtt.p50),
        ms(e.atRtt.p99),
        e.rtts.toFixed(2),
        e.rttsP10.toFixed(2),
        e.step.includes("whole loop") ? "–" : calls(round(e.atRtt.calls.db + e.atRtt.calls.redis, 3)),
        e.step.includes("whole loop") ? "–" : calls(e.atRtt.rounds),
        e.step.includes("whole loop") ? "–" : calls(e.atRtt.calls.payments),
        errors(e.at0) === "–" && errors(e.atRtt) === "–" ? "–" : `${errors(e.at0)} / ${errors(e.atRtt)}`,
      ]),
    ),
    "",
    "### Correctness (read back from Redis and Postgres)",
    "",
    table(
      [
        "storm round",
        "holds (201)",
        "seats held",
        "double claims",
        "lost holds",
        "orphan locks",
        "seats held, answer lost (5xx)",
        "seat map ≠ Redis",
        "available when full",
        "probes",
        "releases retried",
        "locks after release",
        "available after release",
      ],
      r.storm.rounds.map((x, i) => [
        String(i + 1),
        String(x.fill.holds),
        String(x.fill.seatsHeld),
        String(x.fill.doubleClaims),
        String(x.fill.lostHolds),
        String(x.fill.orphanLocks),
        String(x.fill.unansweredHoldSeats),
        String(x.fill.seatMapMismatches + x.release.seatMapMismatches),
        String(x.fill.available),
        String(x.probes),
        String(x.releaseRetries),
        String(x.release.locksLeft),
        String(x.release.available),
      ]),
    ),
    "",
    `Booking loop: ${r.booking.paid} orders paid on the sandbox, ${r.booking.confirmed} confirmed by its webhook ` +
      `(${r.booking.notConfirmed} not within 60 s; the last ${(r.booking.confirmWaitMs / 1000).toFixed(1)} s after the load), ` +
      `${r.booking.seatsBooked} seats; ` +
      `${r.booking.doubleBookings} seats confirmed twice; ${r.booking.notBookedInRedis} confirmed seats missing ` +
      `from Redis's booked set, ${r.booking.notSoldInPostgres} from Postgres's order_seats.`,
  );
  return out.join("\n");
}

const CPU_ROLES = ["workerd: worker", "workerd: proxy", "wrangler (node)", "bridges (node)"];
const LOAD_ROLE = "load generator (this process)";

const otherCpuMs = (m: Record<string, number>) =>
  Object.entries(m)
    .filter(([role]) => !CPU_ROLES.includes(role) && role !== LOAD_ROLE)
    .reduce((sum, [, ms]) => sum + ms, 0);

/** CPU of the stack's processes (not the load generator's). */
export const stackCpuMs = (m: Record<string, number>) =>
  CPU_ROLES.reduce((sum, role) => sum + (m[role] ?? 0), 0) + otherCpuMs(m);

function cpuTable(rows: CpuRow[]): string {
  return table(
    ["scenario", "requests", ...CPU_ROLES, "other", "stack total", "load generator"],
    rows.map(({ scenario, requests, msPerRequest: m, workerReloaded }) => [
      workerReloaded ? `${scenario} (worker reloaded meanwhile: incomplete)` : scenario,
      String(requests),
      ...CPU_ROLES.map((role) => (m[role] ?? 0).toFixed(2)),
      otherCpuMs(m).toFixed(2),
      stackCpuMs(m).toFixed(2),
      (m[LOAD_ROLE] ?? 0).toFixed(2),
    ]),
  );
}

/** Everything that must be zero for a run to count. */
export function problems(r: BenchResult): string[] {
  const found: string[] = [];
  r.storm.rounds.forEach((x, i) => {
    const n = i + 1;
    if (x.fill.doubleClaims) found.push(`round ${n}: ${x.fill.doubleClaims} seats claimed by two holds`);
    if (x.fill.lostHolds) found.push(`round ${n}: ${x.fill.lostHolds} holds lost their seats`);
    if (x.fill.orphanLocks) found.push(`round ${n}: ${x.fill.orphanLocks} locks no hold explains`);
    if (x.fill.seatMapMismatches || x.release.seatMapMismatches) found.push(`round ${n}: seat map differs from Redis`);
    if (x.fill.available) found.push(`round ${n}: ${x.fill.available} seats still available after the storm`);
    if (x.release.locksLeft) found.push(`round ${n}: ${x.release.locksLeft} locks left after the releases`);
  });
  const b = r.booking;
  if (b.doubleBookings) found.push(`booking: ${b.doubleBookings} seats confirmed twice`);
  if (b.notConfirmed) found.push(`booking: ${b.notConfirmed} paid orders never confirmed by the webhook`);
  if (!b.paid) found.push("booking: no order was paid");
  if (b.notBookedInRedis || b.notSoldInPostgres) found.push("booking: confirmed seats not booked in Redis/Postgres");
  return found;
}
