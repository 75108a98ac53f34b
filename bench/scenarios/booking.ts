/**
 * The full booking loop, per virtual user and in order: hold → order → confirm-payment, each loop
 * a new user with seats nobody else is given (the happy path; contention is the storm's job).
 * Measured per step and per loop. Afterwards: no seat was confirmed twice, and every confirmed
 * seat is in Redis's booked set and in Postgres's order_seats.
 */
import type { Redis } from "ioredis";
import { bookedSeatsKey } from "../../src/seats/redis-contract.ts";
import { BENCH_LAYOUT, type BenchData } from "../fixtures.ts";
import { type Json, runLoad } from "../load.ts";
import { Recorder, type StepSummary } from "../measure.ts";

export const CUSTOMER = { name: "Bench User", email: "bench@example.com", phone: "+919876543210" };

export interface BookingCheck {
  confirmed: number;
  seatsBooked: number;
  /** Seats confirmed to two orders. */
  doubleBookings: number;
  /** Confirmed seats missing from Redis's booked set or from Postgres's order_seats. */
  notBookedInRedis: number;
  notSoldInPostgres: number;
}

export type BookingSteps = Record<"hold" | "order" | "confirm" | "loop", StepSummary>;

interface Block {
  showId: string;
  seatIds: string[];
}

interface LoopCtx extends Json {
  block?: Block;
  userId?: string;
  holdId?: string;
  orderId?: string;
}

/** Consecutive blocks of `size` seats, row by row, show after show: nobody competes for a seat. */
export function seatBlocks(showIds: string[], size: number): Block[] {
  const blocks: Block[] = [];
  for (const showId of showIds) {
    for (const row of BENCH_LAYOUT.rows) {
      const seats = row.columns.flatMap((n) => (n === null ? [] : [`${row.label}${n}`]));
      for (let i = 0; i + size <= seats.length; i += size) blocks.push({ showId, seatIds: seats.slice(i, i + size) });
    }
  }
  return blocks;
}

export async function bookingLoop(
  baseUrl: string,
  opts: { connections: number; durationS?: number; loops?: number; blocks: Block[]; userPrefix: string },
  recorder = new Recorder(),
): Promise<{ steps: BookingSteps; confirmed: Block[] }> {
  const confirmed: Block[] = [];
  let next = 0;
  let users = 0;
  // Never more holds than blocks: each loop is at most 3 requests, and a failed step ends a loop early.
  const loops = Math.min(opts.loops ?? Number.POSITIVE_INFINITY, opts.blocks.length);

  await runLoad<LoopCtx>({
    baseUrl,
    connections: opts.connections,
    amount: loops * 3,
    durationS: opts.durationS,
    recorder,
    loopName: "loop",
    steps: [
      {
        name: "hold",
        method: "POST",
        prepare: (ctx) => {
          const block = opts.blocks[next++ % opts.blocks.length] as Block;
          ctx.block = block;
          ctx.userId = `${opts.userPrefix}-${users++}`;
          return {
            path: "/api/v1/holds",
            headers: { "x-user-id": ctx.userId },
            body: { showId: block.showId, seatIds: block.seatIds, quantity: block.seatIds.length },
          };
        },
        onAnswer: (status, body, ctx) => {
          if (status === 201) ctx.holdId = body?.holdId as string;
        },
      },
      {
        name: "order",
        method: "POST",
        prepare: (ctx) =>
          ctx.holdId && ctx.userId
            ? {
                path: "/api/v1/orders",
                headers: { "x-user-id": ctx.userId },
                body: { holdId: ctx.holdId, customer: CUSTOMER },
              }
            : undefined,
        onAnswer: (status, body, ctx) => {
          if (status === 201) ctx.orderId = body?.orderId as string;
        },
      },
      {
        name: "confirm",
        method: "POST",
        prepare: (ctx) =>
          ctx.orderId && ctx.userId
            ? { path: `/api/v1/orders/${ctx.orderId}/confirm-payment`, headers: { "x-user-id": ctx.userId } }
            : undefined,
        onAnswer: (status, body, ctx) => {
          if (status === 200 && body?.status === "CONFIRMED" && ctx.block) confirmed.push(ctx.block);
        },
      },
    ],
  });
  const s = recorder.summary();
  if (!s.hold || !s.order || !s.confirm || !s.loop) throw new Error("booking loop: a step never completed");
  return { steps: { hold: s.hold, order: s.order, confirm: s.confirm, loop: s.loop }, confirmed };
}

export async function checkBookings(redis: Redis, data: BenchData, confirmed: Block[]): Promise<BookingCheck> {
  const seen = new Set<string>();
  let doubleBookings = 0;
  for (const block of confirmed) {
    for (const seat of block.seatIds) {
      const key = `${block.showId}/${seat}`;
      if (seen.has(key)) doubleBookings += 1;
      seen.add(key);
    }
  }
  let notBookedInRedis = 0;
  let notSoldInPostgres = 0;
  for (const showId of new Set(confirmed.map((b) => b.showId))) {
    const mine = [...seen].filter((k) => k.startsWith(`${showId}/`)).map((k) => k.slice(showId.length + 1));
    const booked = new Set(await redis.smembers(bookedSeatsKey(showId)));
    const sold = new Set(await data.soldSeats(showId));
    notBookedInRedis += mine.filter((s) => !booked.has(s)).length;
    notSoldInPostgres += mine.filter((s) => !sold.has(s)).length;
  }
  return { confirmed: confirmed.length, seatsBooked: seen.size, doubleBookings, notBookedInRedis, notSoldInPostgres };
}
