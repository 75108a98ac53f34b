/**
 * Issue 14's figures side by side: each booking step's round trips at the simulated distance,
 * before (main before issue 14, as the issue measured it) and now (this run: by time, p50 and
 * p10, and counted by the worker in Server-Timing), then the seat map's keys per read as the hall
 * grows and what N pollers of one show cost Redis.
 */
import type { BenchResult } from "./report.ts";
import type { EdgeRow } from "./scenarios/edge.ts";

/** The old side: the issue's own measurement (40 ms, one request at a time) on main before it. */
const OLD: Record<string, { rtts: string; counted: string }> = {
  hold: { rtts: "1.11", counted: "1" },
  change: { rtts: "–", counted: "2 (read, then script)" },
  release: { rtts: "2.18", counted: "2 (read, then script)" },
  "booking: order": { rtts: "2.12", counted: "2 (script, then transaction)" },
  "booking: payment (checkout session)": { rtts: "2.09 (confirm-payment)", counted: "2" },
  "booking: return — Stripe's webhook": { rtts: "–", counted: "5 (4 db + 1 Redis in sequence)" },
  "booking: whole loop (hold + order + payment)": { rtts: "5.25", counted: "5" },
};

const TARGET: Record<string, number> = {
  hold: 1.15,
  change: 1.15,
  release: 1.15,
  "booking: order": 1.15,
  "booking: payment (checkout session)": 1.15,
  "booking: return — Stripe's webhook": 1.15,
  "booking: whole loop (hold + order + payment)": 3.3,
};

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The loop's counted round trips: the sum of its three steps' (the loop itself is no request). */
function counted(edge: EdgeRow[], row: EdgeRow): number {
  if (!row.step.includes("whole loop")) return row.atRtt.rounds;
  const steps = ["booking: hold", "booking: order", "booking: payment (checkout session)"];
  return edge.filter((e) => steps.includes(e.step)).reduce((sum, e) => sum + e.atRtt.rounds, 0);
}

export function issue14Markdown(r: BenchResult): string {
  const rows = r.edge.filter((e) => e.step in OLD);
  const verdict = (e: EdgeRow) => {
    const target = TARGET[e.step] ?? Number.POSITIVE_INFINITY;
    const n = counted(r.edge, e);
    const byTime = Math.min(e.rtts, e.rttsP10) <= target;
    return `${n <= target ? "counted ✓" : "counted ✗"}, ${byTime ? "time ✓" : "time ✗"}`;
  };
  const keys = r.seatMap.keys;
  return [
    `### Issue 14: round trips per step at ${r.meta.rttMs} ms, old vs new`,
    "",
    table(
      [
        "step",
        "old: RTTs (p50)",
        "old: counted",
        "new: RTTs p50",
        "new: RTTs p10",
        "new: counted (Server-Timing rtt)",
        "target",
        "",
        "load (1 min)",
      ],
      rows.map((e) => [
        e.step,
        OLD[e.step]?.rtts ?? "–",
        OLD[e.step]?.counted ?? "–",
        e.rtts.toFixed(2),
        e.rttsP10.toFixed(2),
        counted(r.edge, e).toFixed(2),
        `≤ ${TARGET[e.step]}`,
        verdict(e),
        e.load1.toFixed(1),
      ]),
    ),
    "",
    "### Seat map: Redis keys per read as the hall grows (every seat held; straight on Redis)",
    "",
    table(
      ["seats", "old: keys read", "new: keys read", "old: reply items", "new: reply items"],
      keys.map((k) => [
        k.seats.toLocaleString("en"),
        String(k.oldKeys),
        String(k.newKeys),
        String(k.oldReplyItems),
        String(k.newReplyItems),
      ]),
    ),
    "",
    `Seat maps/s of the 1,000-seat show ÷ floor/s in this run: ${(r.ratios["seat maps/s ÷ floor/s"] ?? 0).toFixed(2)} (target ≥ 0.9).`,
    "",
    "### N concurrent pollers of one show (one location: this stack), RTT 0 ms",
    "",
    table(
      ["pollers", "seconds", "seat maps", "seat maps/s", "Redis reads", "Redis reads/s", "load (1 min)"],
      r.seatMap.pollers.map((p) => [
        String(p.pollers),
        p.seconds.toFixed(1),
        String(p.requests),
        p.rps.toFixed(1),
        String(p.redisReads),
        p.redisReadsPerSecond.toFixed(2),
        p.load1.toFixed(1),
      ]),
    ),
  ].join("\n");
}
