/**
 * `npm run bench:onsale:worker`: the simulated on-sale scaled down and end to end through the
 * worker (its own dev stack, as `npm run bench`: Postgres housefull_bench, Redis db 12, both reset):
 * visitors join the pre-queue over HTTP, poll until admitted, hold best available with their
 * Admission-Token, order and pay on the payment sandbox. Reads back Redis and Postgres order_seats
 * for double bookings. Options: --visitors N (default 300), --shows N (default 2), --rate N (admissions/s).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { freePort } from "../dev/local-stack.ts";
import { bookedSeatsKey } from "../src/seats/redis-contract.ts";
import { CONFIG } from "./config.ts";
import { BenchData, resetBenchData } from "./fixtures.ts";
import { CUSTOMER, payOnSandbox } from "./scenarios/booking.ts";
import { spearman } from "./scenarios/onsale.ts";
import { snapshotTree } from "./snapshot.ts";
import { startStack, stopAllStacks } from "./stack.ts";

const progress = (line: string) => process.stderr.write(`[bench:onsale:worker] ${line}\n`);
const { values } = parseArgs({
  options: {
    visitors: { type: "string", default: "300" },
    shows: { type: "string", default: "2" },
    rate: { type: "string", default: "50" },
  },
});
const VISITORS = Number(values.visitors);
const SHOWS = Number(values.shows);

type Json = Record<string, unknown>;
async function call(
  base: string,
  user: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: {
        "x-user-id": user,
        // Each visitor from their own address, as a crowd is (the seat budget is per address too).
        "cf-connecting-ip": `198.51.100.${Number(user.split("-")[1]) % 250}:${user}`,
        "content-type": "application/json",
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    // The local worker restarted under the burst (wrangler dev): counted as a failure, not a crash.
    return { status: 0, body: { error: { code: "CONNECTION", text: String(error).slice(0, 80) } } as Json };
  }
  const text = await res.text();
  try {
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
  } catch {
    return { status: res.status, body: { error: { code: "NOT_JSON", text: text.slice(0, 80) } } as Json };
  }
}

async function main(): Promise<void> {
  const snapshot = snapshotTree();
  const loadStart = os.loadavg();
  await resetBenchData(CONFIG.databaseUrl, CONFIG.redisUrl);
  const stack = await startStack(snapshot.root, {
    port: await freePort(),
    databaseUrl: CONFIG.databaseUrl,
    redisUrl: CONFIG.redisUrl,
    simulatedRttMs: 0,
  });
  const data = await BenchData.open(CONFIG.databaseUrl);
  const redis = new Redis(CONFIG.redisUrl);
  try {
    const showIds = await Promise.all(Array.from({ length: SHOWS }, () => data.createShow()));
    const opensAt = new Date(Date.now() + 15_000);
    const eventId = await data.markOnsale(showIds, { opensAt, admitPerSecond: Number(values.rate), maxActive: 1_000 });
    const base = stack.url;
    const queue = `/api/v1/onsale/events/${eventId}/queue`;
    let requests = 0;
    const users = Array.from({ length: VISITORS }, (_, i) => `onsale-${i}`);
    // Join the pre-queue in arrival order (a few at a time, as a crowd arrives).
    for (let i = 0; i < users.length; i += 20) {
      const answers = await Promise.all(users.slice(i, i + 20).map((u) => call(base, u, queue, { method: "POST" })));
      requests += answers.length;
      for (const a of answers)
        if (a.body.state !== "PRE_QUEUE") throw new Error(`join: ${a.status} ${JSON.stringify(a.body)}`);
    }
    progress(`${VISITORS} joined the pre-queue; opening at ${opensAt.toISOString()}`);
    await new Promise((r) => setTimeout(r, Math.max(0, opensAt.getTime() - Date.now() + 50)));
    const opened = performance.now();
    const admittedAt = new Map<string, number>();
    const placeAtOpening = new Map<string, number>();
    let sold = 0;
    let buyers = 0;
    let refused = 0;
    const seats = new Map<string, string>();
    let waiting = [...users].sort(() => Math.random() - 0.5);
    let allSold = false;
    let round = 0;
    let soldOutS: number | undefined;
    const failures: string[] = [];
    while (waiting.length && !allSold && performance.now() - opened < 120_000) {
      // 100 at a time: a browser crowd spreads its refreshes; workerd on 2 cores restarts under 600 at once.
      const polls: Awaited<ReturnType<typeof call>>[] = [];
      for (let i = 0; i < waiting.length; i += 100) {
        polls.push(
          ...(await Promise.all(waiting.slice(i, i + 100).map((u) => call(base, u, queue, { method: "POST" })))),
        );
      }
      requests += polls.length;
      const admittedNow: { user: string; token: string }[] = [];
      polls.forEach((p, k) => {
        const user = waiting[k] ?? "";
        if (p.body.state === "QUEUED" && !placeAtOpening.has(user)) placeAtOpening.set(user, Number(p.body.place));
        const admission = p.body.admission as { token: string } | undefined;
        if (p.body.state === "ADMITTED" && admission) admittedNow.push({ user, token: admission.token });
      });
      for (const a of admittedNow) {
        admittedAt.set(a.user, round);
        if (!placeAtOpening.has(a.user)) placeAtOpening.set(a.user, 0);
      }
      await Promise.all(
        admittedNow.map(async ({ user, token }) => {
          const quantity = 1 + (Number(user.split("-")[1]) % 4);
          const showId = showIds[Number(user.split("-")[1]) % SHOWS] ?? "";
          const hold = await call(base, user, "/api/v1/holds", {
            method: "POST",
            headers: { "Admission-Token": token },
            body: { showId, best: { quantity } },
          });
          requests += 1;
          if (hold.status !== 201) {
            refused += 1;
            if (hold.body.error && (hold.body.error as Json).code !== "NO_BEST_SEATS")
              failures.push(`hold ${hold.status} ${JSON.stringify(hold.body)}`);
            return;
          }
          const seatIds = hold.body.seatIds as string[];
          for (const s of seatIds) {
            if (seats.has(`${showId}/${s}`)) failures.push(`seat ${s} held twice`);
            seats.set(`${showId}/${s}`, user);
          }
          const order = await call(base, user, "/api/v1/orders", {
            method: "POST",
            headers: { "Admission-Token": token }, // the admission the order buys with
            body: { holdId: hold.body.holdId, seatIds, customer: CUSTOMER },
          });
          const pay = await call(base, user, `/api/v1/orders/${order.body.orderId}/payment`, { method: "POST" });
          requests += 2;
          if (
            order.status !== 201 ||
            pay.status !== 200 ||
            !(await payOnSandbox(stack.paymentSandboxUrl, String(pay.body.url)))
          ) {
            failures.push(`order ${order.status} / payment ${pay.status}`);
            return;
          }
          await call(base, user, queue, { method: "DELETE" }); // done shopping: the place frees
          requests += 1;
          sold += seatIds.length;
          buyers += 1;
        }),
      );
      // A crowd refreshes in no particular order: polling in arrival order would let the early
      // arrivals learn of an admission a round later than the late ones (a measuring artefact).
      waiting = waiting.filter((u) => !admittedAt.has(u)).sort(() => Math.random() - 0.5);
      allSold = sold >= SHOWS * 1_000;
      if (allSold) soldOutS = (performance.now() - opened) / 1000;
      round += 1;
      await new Promise((r) => setTimeout(r, 500));
    }
    const wallS = (performance.now() - opened) / 1000;
    // Read back: Redis booked sets (after the webhooks) and Postgres order_seats.
    await new Promise((r) => setTimeout(r, 3_000));
    let pgDuplicates = 0;
    let pgSeats = 0;
    let redisBooked = 0;
    for (const showId of showIds) {
      const rows = await data.soldSeats(showId);
      pgSeats += rows.length;
      pgDuplicates += rows.length - new Set(rows).size;
      redisBooked += await redis.scard(bookedSeatsKey(showId));
    }
    const admittedUsers = [...admittedAt.keys()];
    const fairness = spearman(
      admittedUsers.map((u) => admittedAt.get(u) ?? 0),
      admittedUsers.map((u) => Number(u.split("-")[1])),
    );
    const fairnessVsPlace = spearman(
      admittedUsers.map((u) => admittedAt.get(u) ?? 0),
      admittedUsers.map((u) => placeAtOpening.get(u) ?? 0),
    );
    const placed = users.filter((u) => (placeAtOpening.get(u) ?? 0) > 0);
    const placeVsArrival = spearman(
      placed.map((u) => placeAtOpening.get(u) ?? 0),
      placed.map((u) => Number(u.split("-")[1])),
    );
    const row = (k: string, v: string | number) => `| ${k} | ${v} |`;
    console.log(
      [
        "| on-sale through the worker (HTTP, workerd, Postgres, Redis, payment sandbox) | measured |",
        "| --- | --- |",
        row("visitors / 1,000-seat shows / admission rate", `${VISITORS} / ${SHOWS} / ${values.rate}/s`),
        row("admitted / buyers / seats sold", `${admittedAt.size} / ${buyers} / ${sold}`),
        row("holds refused NO_BEST_SEATS", refused),
        row("wall time from opening to the last admission handled", `${wallS.toFixed(1)} s`),
        row("admissions per second (wall)", (admittedAt.size / wallS).toFixed(1)),
        row("HTTP requests", requests),
        row("sold out", soldOutS === undefined ? "no" : `yes, ${soldOutS.toFixed(1)} s after opening`),
        row("Spearman admission round vs arrival before opening", fairness.toFixed(3)),
        row("Spearman admission round vs place in line after opening", fairnessVsPlace.toFixed(3)),
        row("Spearman place in line at the first poll after opening vs arrival", placeVsArrival.toFixed(3)),
        row(
          "double bookings: seats held twice / Postgres order_seats repeated",
          `${failures.filter((f) => f.includes("twice")).length} / ${pgDuplicates}`,
        ),
        row("Postgres order_seats / Redis booked", `${pgSeats} / ${redisBooked}`),
        row("failures (other than NO_BEST_SEATS)", failures.length),
        row(
          "load average",
          `${loadStart.map((l) => l.toFixed(2)).join(" ")} → ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(" ")}`,
        ),
      ].join("\n"),
    );
    if (failures.length) progress(`first failures: ${failures.slice(0, 3).join("; ")}`);
    // A worker restart mid-request (wrangler dev under load) is reported, not a failed check.
    if (pgDuplicates || failures.some((f) => f.includes("twice"))) process.exitCode = 1;
  } finally {
    redis.disconnect();
    await data.close();
    await stopAllStacks();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
