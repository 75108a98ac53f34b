/**
 * Hold storm: 64 users at a time (a new user id for every hold, so neither the 2-holds-per-show
 * limit nor the 60-per-minute rate limit shapes the result; both are still counted) hold 2–4
 * adjacent seats of a fresh 1,000-seat show until it is full, then every hold is released again.
 * After each fill and each release, Redis and the seat map are checked (bench/verify.ts).
 */
import type { Redis } from "ioredis";
import { BENCH_LAYOUT, BENCH_SEATS } from "../fixtures.ts";
import { type Json, runLoad } from "../load.ts";
import { Recorder, type StepSummary } from "../measure.ts";
import { SeatPicker } from "../seat-picker.ts";
import { checkEmpty, checkFill, type EmptyCheck, type FillCheck, type Hold } from "../verify.ts";
import { warmShow } from "./reads.ts";

export interface StormRound {
  /** Hold requests sent after the show was full, all answered SEAT_TAKEN (the stop signal). */
  probes: number;
  fill: FillCheck;
  /** Releases that failed under load (e.g. a 503) and were sent again, one at a time, afterwards. */
  releaseRetries: number;
  release: EmptyCheck;
}

export interface StormResult {
  hold: StepSummary;
  release: StepSummary;
  rounds: StormRound[];
}

/** A bound on one fill, in case the show never fills up (it always should). */
const MAX_REQUESTS_PER_FILL = BENCH_SEATS.length * 4;
const MAX_FILL_SECONDS = 120;

interface HoldCtx extends Json {
  userId?: string;
  probe?: boolean;
}

export async function holdStorm(
  baseUrl: string,
  redis: Redis,
  newShow: () => Promise<string>,
  opts: { connections: number; rounds: number },
): Promise<StormResult> {
  const holds = new Recorder();
  const releases = new Recorder();
  const rounds: StormRound[] = [];
  let users = 0;

  for (let round = 1; round <= opts.rounds; round++) {
    const showId = await newShow();
    await warmShow(baseUrl, showId);
    const picker = new SeatPicker(BENCH_LAYOUT);
    const held: Hold[] = [];
    /** Seats each user asked for, until a 2xx/4xx answer settles it (a 5xx leaves it unknown). */
    const unsettled = new Map<string, string[]>();
    let inFlight = 0; // holds for seats believed free that have not been answered yet
    let probes = 0;

    await runLoad<HoldCtx>({
      baseUrl,
      connections: opts.connections,
      amount: MAX_REQUESTS_PER_FILL,
      durationS: MAX_FILL_SECONDS,
      recorder: holds,
      // Full, and every hold for a free-looking seat answered (or, if an answer got lost, enough
      // probes that every connection has moved on since).
      until: () => picker.freeCount === 0 && (inFlight === 0 || probes >= 2 * opts.connections),
      steps: [
        {
          name: "hold",
          method: "POST",
          prepare: (ctx) => {
            const userId = `storm-${round}-${users++}`;
            let seatIds = picker.pick();
            ctx.userId = userId;
            ctx.probe = !seatIds;
            if (seatIds) inFlight += 1;
            else {
              // Full as far as we know: ask for seats a 201 already has; SEAT_TAKEN is the only right answer.
              probes += 1;
              seatIds = held[probes % held.length]?.seatIds ?? ["A1", "A2"];
            }
            unsettled.set(userId, seatIds);
            return {
              path: "/api/v1/holds",
              headers: { "x-user-id": userId },
              body: { showId, seatIds, quantity: seatIds.length },
            };
          },
          onAnswer: (status, body, ctx) => {
            if (!ctx.probe) inFlight -= 1;
            if (status < 500) unsettled.delete(ctx.userId as string);
            if (status === 201 && body) {
              const hold = {
                holdId: body.holdId as string,
                userId: ctx.userId as string,
                seatIds: body.seatIds as string[],
              };
              held.push(hold);
              picker.taken(hold.seatIds);
            } else if (status === 409) {
              // Error details sit next to the code: {"error": {"code": "SEAT_TAKEN", "seats": [...]}}.
              const error = body?.error as { code?: string; seats?: string[] } | undefined;
              if (error?.code === "SEAT_TAKEN") picker.taken(error.seats ?? []);
            }
          },
        },
      ],
    });
    const { check: fill, unansweredHolds } = await checkFill(redis, baseUrl, showId, BENCH_SEATS, held, unsettled);
    const releaseRetries = await releaseAll(baseUrl, [...held, ...unansweredHolds], opts.connections, releases);
    rounds.push({ probes, fill, releaseRetries, release: await checkEmpty(redis, baseUrl, showId, BENCH_SEATS) });
  }

  const hold = holds.summary().hold;
  const release = releases.summary().release;
  if (!hold || !release) throw new Error("hold storm: no answers");
  return { hold, release, rounds };
}

interface ReleaseCtx extends Json {
  hold?: Hold;
}

/** DELETEs every hold under load (measured), then sends the failed ones again one by one. */
async function releaseAll(baseUrl: string, holds: Hold[], connections: number, recorder: Recorder): Promise<number> {
  const queue = [...holds];
  const failed: Hold[] = [];
  let last: Hold | undefined;
  if (queue.length) {
    await runLoad<ReleaseCtx>({
      baseUrl,
      connections: Math.min(connections, queue.length),
      amount: queue.length,
      recorder,
      steps: [
        {
          name: "release",
          method: "DELETE",
          prepare: (ctx) => {
            // One request per hold; only a timed-out request (sent again) could find the queue empty.
            const hold = queue.pop() ?? (last as Hold);
            last = hold;
            ctx.hold = hold;
            return { path: `/api/v1/holds/${hold.holdId}`, headers: { "x-user-id": hold.userId } };
          },
          onAnswer: (status, _body, ctx) => {
            if (status !== 204 && ctx.hold) failed.push(ctx.hold);
          },
        },
      ],
    });
  }
  for (const hold of failed) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(`${baseUrl}/api/v1/holds/${hold.holdId}`, {
        method: "DELETE",
        headers: { "x-user-id": hold.userId },
      });
      await res.arrayBuffer();
      if (res.status === 204 || res.status === 404) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return failed.length;
}
