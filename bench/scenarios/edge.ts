/**
 * The edge view: each scenario once more, one request at a time (no queueing), on a stack whose
 * bridges add a simulated Redis/Postgres round trip. The p50 difference between the 0 ms and the
 * 40 ms stack, divided by the RTT, is how many sequential round trips the request really makes.
 * The two stacks take turns (0, 40, 40, 0) so a drift in the machine's load hits both alike.
 */
import os from "node:os";
import { BENCH_LAYOUT } from "../fixtures.ts";
import { type Json, runLoad } from "../load.ts";
import { Recorder, type StepSummary } from "../measure.ts";
import { SeatPicker } from "../seat-picker.ts";
import { bookingLoop, holdBackWebhooks, seatBlocks } from "./booking.ts";
import { measureGet, paths, warmCatalog, warmShow } from "./reads.ts";

export interface EdgeTarget {
  baseUrl: string;
  /** The stack's payment sandbox, where the booking loop pays. */
  sandboxUrl: string;
  /** Read for the seat map; held and released for the hold step. */
  hall: string;
  /** Booked from. */
  booking: string;
  /** The hall's seats for holds (they are released right after). */
  picker: SeatPicker;
  /** Pairs of seats for bookings, used up in order. */
  blocks: ReturnType<typeof seatBlocks>;
}

export interface EdgeSeconds {
  reads: number;
  hold: number;
  booking: number;
}

interface EdgeScenario {
  name: string;
  /** Renames of the recorded steps in the report. */
  labels?: Record<string, string>;
  warm(t: EdgeTarget): Promise<void>;
  /** Records into `recorder` for `seconds`; called more than once per target. */
  run(t: EdgeTarget, seconds: EdgeSeconds, share: number, recorder: Recorder): Promise<unknown>;
}

export function edgeTarget(baseUrl: string, sandboxUrl: string, hall: string, booking: string): EdgeTarget {
  return { baseUrl, sandboxUrl, hall, booking, picker: new SeatPicker(BENCH_LAYOUT), blocks: seatBlocks([booking], 2) };
}

const serial = (durationS: number) => ({ connections: 1, durationS });

interface HoldCtx extends Json {
  userId?: string;
  holdId?: string;
  seatIds?: string[];
  /** The seats the change step swapped to. */
  changedTo?: string[];
}

let users = 0;

const SCENARIOS: EdgeScenario[] = [
  {
    name: "floor",
    warm: async () => {},
    run: (t, s, share, recorder) => measureGet(t.baseUrl, "floor", paths.floor, serial(s.reads * share), recorder),
  },
  {
    name: "catalog",
    warm: (t) => warmCatalog(t.baseUrl),
    run: (t, s, share, recorder) => measureGet(t.baseUrl, "catalog", paths.catalog, serial(s.reads * share), recorder),
  },
  {
    name: "seat map",
    warm: (t) => warmShow(t.baseUrl, t.hall),
    run: (t, s, share, recorder) =>
      measureGet(t.baseUrl, "seatmap", paths.seatmap(t.hall), serial(s.reads * share), recorder),
  },
  {
    name: "hold + change + release",
    warm: (t) => warmShow(t.baseUrl, t.hall),
    run: (t, s, share, recorder) =>
      runLoad<HoldCtx>({
        baseUrl: t.baseUrl,
        ...serial(s.hold * share),
        recorder,
        steps: [
          {
            name: "hold",
            method: "POST",
            prepare: (ctx) => {
              // Each hold is released right after, so its seats come up again.
              const seatIds = t.picker.pick() ?? ["A1", "A2"];
              ctx.seatIds = seatIds;
              ctx.userId = `edge-${users++}`;
              return {
                path: "/api/v1/holds",
                headers: { "x-user-id": ctx.userId },
                body: { showId: t.hall, seatIds, quantity: seatIds.length },
              };
            },
            onAnswer: (status, body, ctx) => {
              if (status !== 201) return;
              ctx.holdId = body?.holdId as string;
              t.picker.taken(ctx.seatIds ?? []);
            },
          },
          {
            name: "change",
            method: "PUT",
            prepare: (ctx) => {
              const seatIds = t.picker.pick();
              if (!ctx.holdId || !ctx.userId || !seatIds) return undefined;
              ctx.changedTo = seatIds;
              return {
                path: `/api/v1/holds/${ctx.holdId}`,
                headers: { "x-user-id": ctx.userId },
                body: { seatIds, quantity: seatIds.length },
              };
            },
            onAnswer: (status, _body, ctx) => {
              if (status !== 200) return;
              t.picker.freed(ctx.seatIds ?? []);
              t.picker.taken(ctx.changedTo ?? []);
              ctx.seatIds = ctx.changedTo ?? [];
            },
          },
          {
            name: "release",
            method: "DELETE",
            prepare: (ctx) =>
              ctx.holdId && ctx.userId
                ? { path: `/api/v1/holds/${ctx.holdId}`, headers: { "x-user-id": ctx.userId } }
                : undefined,
            onAnswer: (status, _body, ctx) => {
              if (status === 204) t.picker.freed(ctx.seatIds ?? []);
            },
          },
        ],
      }),
  },
  {
    name: "booking",
    labels: {
      hold: "booking: hold",
      order: "booking: order",
      payment: "booking: payment (checkout session)",
      loop: "booking: whole loop (hold + order + payment)",
      webhook: "booking: return — Stripe's webhook",
      landing: "booking: return — the landing page's read",
    },
    warm: (t) => warmShow(t.baseUrl, t.booking),
    run: async (t, s, share, recorder) => {
      const blocks = t.blocks.splice(0, 200);
      // The bench posts each webhook itself (measured); the sandbox's own copy comes later, a duplicate.
      await holdBackWebhooks(t.sandboxUrl, 600_000);
      try {
        return await bookingLoop(
          t.baseUrl,
          {
            ...serial(s.booking * share),
            blocks,
            userPrefix: `edge-${users++}`,
            sandboxUrl: t.sandboxUrl,
            measureReturn: true,
          },
          recorder,
        );
      } finally {
        await holdBackWebhooks(t.sandboxUrl, 0);
      }
    },
  },
];

export interface EdgeRow {
  step: string;
  at0: StepSummary;
  atRtt: StepSummary;
  /** (p50 at RTT − p50 at 0) / RTT: the brief's measure. */
  rtts: number;
  /** The same from p10, which scheduling noise on a busy machine disturbs less. */
  rttsP10: number;
  /** The machine's 1-minute load average when the scenario started (the machine is shared). */
  load1: number;
}

/** Every edge scenario on both targets, taking turns: 0, RTT, RTT, 0 (half the time each). */
export async function edgeView(
  at0: EdgeTarget,
  atRtt: EdgeTarget,
  rttMs: number,
  seconds: EdgeSeconds,
  progress: (line: string) => void,
): Promise<EdgeRow[]> {
  const rows: EdgeRow[] = [];
  for (const scenario of SCENARIOS) {
    progress(`edge view: ${scenario.name}`);
    const load1 = os.loadavg()[0] ?? 0;
    const zero = new Recorder();
    const far = new Recorder();
    await scenario.warm(at0);
    await scenario.warm(atRtt);
    for (const [target, recorder] of [
      [at0, zero],
      [atRtt, far],
      [atRtt, far],
      [at0, zero],
    ] as const) {
      await scenario.run(target, seconds, 0.5, recorder);
    }
    const a = zero.summary();
    const b = far.summary();
    for (const [step, s0] of Object.entries(a)) {
      const s1 = b[step];
      if (!s1) continue;
      rows.push({
        step: scenario.labels?.[step] ?? step,
        at0: s0,
        atRtt: s1,
        rtts: (s1.p50 - s0.p50) / rttMs,
        rttsP10: (s1.p10 - s0.p10) / rttMs,
        load1,
      });
    }
  }
  return rows;
}
