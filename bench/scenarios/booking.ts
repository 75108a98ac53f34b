/**
 * The full booking loop, per virtual user and in order: hold → order → payment (the checkout
 * session), each loop a new user with seats nobody else is given (the happy path; contention is
 * the storm's job). Each session is then paid on the stack's payment sandbox (the hosted page's
 * "Pay", through its control API), whose signed webhook confirms the order in the worker, as
 * Stripe's would. Measured per step and per loop; afterwards the orders are read until the webhooks
 * have confirmed them (bounded). Then: every paid order confirmed, no seat confirmed twice, and every
 * confirmed seat in Redis's booked set and in Postgres's order_seats.
 */
import type { Redis } from "ioredis";
import { bookedSeatsKey } from "../../src/seats/redis-contract.ts";
import { BENCH_LAYOUT, type BenchData } from "../fixtures.ts";
import { type Json, runLoad } from "../load.ts";
import { parseServerTiming, Recorder, type StepSummary } from "../measure.ts";

export const CUSTOMER = { name: "Bench User", email: "bench@example.com", phone: "+919876543210" };

export interface BookingCheck {
  /** Orders paid on the sandbox. */
  paid: number;
  /** Paid orders the webhook had not confirmed within CONFIRM_WAIT_MS. */
  notConfirmed: number;
  /** From the end of the load until the last paid order was confirmed. */
  confirmWaitMs: number;
  confirmed: number;
  seatsBooked: number;
  /** Seats confirmed to two orders. */
  doubleBookings: number;
  /** Confirmed seats missing from Redis's booked set or from Postgres's order_seats. */
  notBookedInRedis: number;
  notSoldInPostgres: number;
}

export type BookingSteps = Record<"hold" | "order" | "payment" | "loop", StepSummary>;

/** How long the paid orders may take to be confirmed by their webhooks once the load is over. */
const CONFIRM_WAIT_MS = 60_000;

/** What the loop hands to the checks: the confirmed blocks, and how the confirming went. */
export interface BookingOutcome {
  confirmed: Block[];
  paid: number;
  notConfirmed: number;
  confirmWaitMs: number;
}

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
  opts: {
    connections: number;
    durationS?: number;
    loops?: number;
    blocks: Block[];
    userPrefix: string;
    /** The stack's payment sandbox (dev/payment-sandbox), where each checkout session is paid. */
    sandboxUrl: string;
    /**
     * The bench delivers each paid session's signed event to the webhook itself, one at a time,
     * and reads the order once as the landing page's poll does: both measured as steps "webhook"
     * and "landing" (the sandbox's own deliveries must be held back meanwhile: `holdBackWebhooks`).
     */
    measureReturn?: boolean;
  },
  recorder = new Recorder(),
): Promise<{ steps: BookingSteps; outcome: BookingOutcome }> {
  const paying: Promise<Paid | undefined>[] = [];
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
                // As the web sends it: the hold's seats too (one round trip).
                body: { holdId: ctx.holdId, seatIds: ctx.block?.seatIds, customer: CUSTOMER },
              }
            : undefined,
        onAnswer: (status, body, ctx) => {
          if (status === 201) ctx.orderId = body?.orderId as string;
        },
      },
      {
        name: "payment",
        method: "POST",
        prepare: (ctx) =>
          ctx.orderId && ctx.userId
            ? { path: `/api/v1/orders/${ctx.orderId}/payment`, headers: { "x-user-id": ctx.userId } }
            : undefined,
        onAnswer: (status, body, ctx) => {
          const url = body?.url;
          if (status !== 200 || typeof url !== "string" || !ctx.block || !ctx.orderId || !ctx.userId) return;
          // Off the measured path: the customer's click on the provider's page.
          const sessionId = new URL(url).pathname.split("/").pop() as string;
          const order = { block: ctx.block, orderId: ctx.orderId, userId: ctx.userId, sessionId };
          paying.push(payOnSandbox(opts.sandboxUrl, url).then((ok) => (ok ? order : undefined)));
        },
      },
    ],
  });
  const s = recorder.summary();
  if (!s.hold || !s.order || !s.payment || !s.loop) throw new Error("booking loop: a step never completed");
  const paid = (await Promise.all(paying)).filter((p): p is Paid => p !== undefined);
  if (opts.measureReturn) await returnFromProvider(baseUrl, opts.sandboxUrl, paid, recorder);
  const outcome = await waitForConfirmations(baseUrl, paid);
  return { steps: { hold: s.hold, order: s.order, payment: s.payment, loop: s.loop }, outcome };
}

interface Paid {
  block: Block;
  orderId: string;
  userId: string;
  sessionId: string;
}

/** Holds the sandbox's own webhook deliveries back for `ms` (0: deliver at once again). */
export async function holdBackWebhooks(sandboxUrl: string, ms: number): Promise<void> {
  const res = await fetch(`${sandboxUrl}/__sandbox/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ delayMs: ms }),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`sandbox switches: ${res.status}`);
}

/**
 * The return from the provider, per paid order and one at a time: Stripe's webhook (the signed
 * checkout.session.completed, exactly as the sandbox would post it) and the landing page's read
 * of the order. Each recorded with its latency and Server-Timing, like the autocannon steps.
 */
async function returnFromProvider(baseUrl: string, sandboxUrl: string, paid: Paid[], recorder: Recorder) {
  const events = (await (await fetch(`${sandboxUrl}/__sandbox/events`)).json()) as {
    data: { id: string; type: string; data: { object: { id: string } } }[];
  };
  const completed = new Map(
    events.data.filter((e) => e.type === "checkout.session.completed").map((e) => [e.data.object.id, e.id]),
  );
  for (const p of paid) {
    const eventId = completed.get(p.sessionId);
    if (!eventId) continue;
    const signed = (await (await fetch(`${sandboxUrl}/__sandbox/events/${eventId}/signed`)).json()) as {
      payload: string;
      signature: string;
    };
    await timed(recorder, "webhook", () =>
      fetch(`${baseUrl}/api/v1/payments/stripe/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signed.signature },
        body: signed.payload,
      }),
    );
    await timed(recorder, "landing", () =>
      fetch(`${baseUrl}/api/v1/orders/${p.orderId}`, { headers: { "x-user-id": p.userId } }),
    );
  }
}

async function timed(recorder: Recorder, step: string, send: () => Promise<Response>) {
  const started = performance.now();
  const res = await send();
  await res.arrayBuffer();
  const ms = performance.now() - started;
  recorder.add(step, { status: res.status, ms, timing: parseServerTiming(res.headers.get("server-timing") ?? "") });
}

/** "Pay" on the sandbox's hosted page for this checkout URL (its control API: the button's effect). */
export async function payOnSandbox(sandboxUrl: string, checkoutUrl: string): Promise<boolean> {
  const sessionId = new URL(checkoutUrl).pathname.split("/").pop();
  const res = await fetch(`${sandboxUrl}/__sandbox/sessions/${sessionId}/pay`, { method: "POST" });
  await res.body?.cancel();
  return res.ok;
}

/** Reads the paid orders until their webhooks have confirmed them, or CONFIRM_WAIT_MS has passed. */
async function waitForConfirmations(baseUrl: string, paid: Paid[]): Promise<BookingOutcome> {
  const started = performance.now();
  const confirmed: Block[] = [];
  let waiting = paid;
  while (waiting.length && performance.now() - started < CONFIRM_WAIT_MS) {
    const statuses = await Promise.all(waiting.map((p) => orderStatus(baseUrl, p)));
    for (const [i, p] of waiting.entries()) if (statuses[i] === "CONFIRMED") confirmed.push(p.block);
    waiting = waiting.filter((_, i) => statuses[i] !== "CONFIRMED");
    if (waiting.length) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    confirmed,
    paid: paid.length,
    notConfirmed: waiting.length,
    confirmWaitMs: performance.now() - started,
  };
}

async function orderStatus(baseUrl: string, p: Paid): Promise<string | undefined> {
  const res = await fetch(`${baseUrl}/api/v1/orders/${p.orderId}`, { headers: { "x-user-id": p.userId } });
  if (!res.ok) {
    await res.body?.cancel();
    return undefined;
  }
  return ((await res.json()) as { status?: string }).status;
}

export async function checkBookings(redis: Redis, data: BenchData, outcome: BookingOutcome): Promise<BookingCheck> {
  const { confirmed, paid, notConfirmed, confirmWaitMs } = outcome;
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
  return {
    paid,
    notConfirmed,
    confirmWaitMs,
    confirmed: confirmed.length,
    seatsBooked: seen.size,
    doubleBookings,
    notBookedInRedis,
    notSoldInPostgres,
  };
}
