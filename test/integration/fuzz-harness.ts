/**
 * What the fuzz suites share: fast-check's options, the worker called directly (a 503 from a busy
 * local backend sent again), the check every answer must pass, the tally of statuses the fuzz
 * reached, and a snapshot of everything a show's requests could have written.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import worker from "../../src/index";
import { createShow, db, type Hold, newUser, postHold, redis, seatMap } from "./fixtures";

/** Workers give tests no process.env: to replay a failure, paste the seed it printed here. */
const SEED = undefined as number | undefined;
export const fcOptions = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

/** How often each property saw each status (printed at the end, to see what the fuzz reached). */
const statusTally = new Map<string, number>();
/** 503s the local backends answered (bridge hiccups on a busy machine), retried and counted. */
let transientRetries = 0;

/** What the fuzz reached, and how many requests a backend hiccup made it send again. */
function reportTally(suite: string): void {
  console.info([...statusTally].map(([k, n]) => `${k}: ${n}`).join("\n"));
  if (transientRetries) console.warn(`${suite}: ${transientRetries} request(s) retried after a 503`);
}

/**
 * The worker's fetch handler, called directly. A 503 SERVICE_UNAVAILABLE says a backend did not
 * answer, which no input can cause: the request is sent again (twice at most), so only a 503 that
 * repeats fails the property.
 */
export async function dispatch(request: Request): Promise<Response> {
  const body = request.body ? await request.arrayBuffer() : null;
  for (let attempt = 1; ; attempt++) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(request, { body }), env, ctx);
    const bytes = await res.arrayBuffer();
    await waitOnExecutionContext(ctx);
    if (res.status === 503 && attempt < 3 && new TextDecoder().decode(bytes).includes('"SERVICE_UNAVAILABLE"')) {
      transientRetries++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    return new Response(res.status === 204 || res.status === 304 ? null : bytes, res);
  }
}

export const call = (path: string, init: RequestInit = {}) => dispatch(new Request(`http://localhost${path}`, init));

const LEAKS = /NeonDbError|DrizzleQueryError|Failed query|node_modules|\.ts:\d+|\n\s+at |UpstashError|ERR /;

/** A response may be anything but a 5xx; an error must be the API's error body (docs/API.md: Errors), nothing more. */
export async function expectSafe(res: Response, where: string): Promise<{ status: number; body: unknown }> {
  const text = await res.text();
  const tally = `${expect.getState().currentTestName?.split(" > ").at(-1)?.slice(0, 40)} ${res.status}`;
  statusTally.set(tally, (statusTally.get(tally) ?? 0) + 1);
  // Escaped: a lone surrogate in a failure message would break the pool's WebSocket to vitest.
  const context = JSON.stringify(`${where.slice(0, 600)} → ${res.status} ${text.slice(0, 400)}`);
  expect(res.status, context).toBeLessThan(500);
  expect(text, context).not.toMatch(LEAKS);
  const json = /^application\/json\b/.test(res.headers.get("content-type") ?? "");
  if (res.status < 400) return { status: res.status, body: json && text ? JSON.parse(text) : text };
  expect(json, context).toBe(true);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body), context).toEqual(["error"]);
  const { code, message, timestamp } = body.error;
  expect(typeof code === "string" && /^[A-Z][A-Z0-9_]*$/.test(code), context).toBe(true);
  expect(typeof message, context).toBe("string");
  expect(typeof timestamp === "string" && new Date(timestamp).toISOString() === timestamp, context).toBe(true);
  return { status: res.status, body };
}

export type Victim = { userId: string; holdId: string; seats: string[] };

/** Real holds on the show, one user each, that the fuzz then tries to disturb. */
async function holdVictims(showId: string, seatSets: string[][]): Promise<Victim[]> {
  const victims: Victim[] = [];
  for (const seats of seatSets) {
    const userId = newUser("victim");
    const res = await postHold(userId, showId, seats);
    expect(res.status).toBe(201);
    victims.push({ userId, holdId: ((await res.json()) as Hold).holdId, seats });
  }
  return victims;
}

type Snapshot = { rows: unknown; redis: [string, string, unknown][]; seatMap: unknown };

/** Redis glob matching the show id in any letter case (a case-mangled id must not write either). */
const anyCase = (text: string) => text.replace(/[a-f]/gi, (ch) => `[${ch.toLowerCase()}${ch.toUpperCase()}]`);

/** Everything the fuzz's requests could write for the show (or as an `fz-` user): equal before and after. */
async function snapshot(showId: string): Promise<Snapshot> {
  const [counts] = (
    await db().execute(sql`
      SELECT
        (SELECT count(*) FROM orders WHERE show_id = ${showId} OR user_id LIKE 'fz-%')::int AS orders,
        (SELECT count(*) FROM order_seats WHERE show_id = ${showId})::int AS order_seats,
        (SELECT coalesce(string_agg(order_id::text || status, ',' ORDER BY order_id), '')
           FROM orders WHERE show_id = ${showId} OR user_id LIKE 'fz-%') AS order_states`)
  ).rows;
  const keys = (await redis().keys(`*{${anyCase(showId)}}*`)).sort();
  const entries: [string, string, unknown][] = [];
  for (const key of keys) {
    const type = await redis().type(key);
    const value =
      type === "string"
        ? await redis().get(key)
        : type === "zset"
          ? await redis().zrange(key, 0, -1, { withScores: true })
          : type === "set"
            ? (await redis().smembers(key)).sort()
            : type === "hash"
              ? await redis().hgetall(key)
              : type;
    entries.push([key, type, value]);
  }
  return { rows: counts, redis: entries, seatMap: await seatMap(showId) };
}

/**
 * The show a fuzz suite attacks, with real holds on it (the victims): made before the suite's
 * tests; after them the tally is printed, and nothing the fuzz could write may differ from before.
 */
export function fuzzedShow(suite: string, seatSets: string[][]): { showId: string; victims: Victim[] } {
  const show = { showId: "", victims: [] as Victim[] };
  let before: Snapshot;
  beforeAll(async () => {
    show.showId = await createShow();
    show.victims = await holdVictims(show.showId, seatSets);
    before = await snapshot(show.showId);
  });
  afterAll(async () => {
    reportTally(suite);
    // Runs even when a property failed, so a write slipping through is reported on its own too.
    const after = await snapshot(show.showId);
    expect(after, "the fuzz changed Postgres rows, Redis keys or the seat map").toEqual(before);
  });
  return show;
}
