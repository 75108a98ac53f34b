// The isolated worker's fault switches: it has a Redis database of its own (so wiping it disturbs
// no other suite) and a Postgres connection string with `fault_scope=isolated`, which the Neon
// bridge can break on demand. `after: N` lets the next N calls through first, so a fault can land
// in the middle of a request (e.g. after the order transaction, before its compensation).
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { afterEach, expect } from "vitest";
import { db } from "../integration/fixtures";

export async function postgresFault(mode: "down" | "drop-before" | "drop-after" | null, after = 0) {
  const res = await fetch(env.NEON_FETCH_ENDPOINT.replace(/\/sql$/, "/__faults"), {
    method: "POST",
    body: JSON.stringify({ scope: "isolated", mode, after }),
  });
  expect(res.status).toBe(204);
}

export async function redisFault(mode: "down" | "hang" | null, after = 0) {
  const res = await fetch(`${env.UPSTASH_REDIS_REST_URL}/__faults`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.UPSTASH_REDIS_REST_TOKEN}` },
    body: JSON.stringify({ mode, after }),
  });
  expect(res.status).toBe(200);
}

/** Every suite of this project clears both switches after each test. */
export function clearFaultsAfterEach() {
  afterEach(async () => {
    await postgresFault(null);
    await redisFault(null);
  });
}

export const ordersOfHold = async (holdId: string) =>
  (
    (await db().execute(
      sql`SELECT o.order_id, o.status, array(SELECT seat_id FROM order_seats s WHERE s.order_id = o.order_id ORDER BY seat_id) AS seats
          FROM orders o WHERE o.hold_id = ${holdId}`,
    )) as unknown as { rows: { order_id: string; status: string; seats: string[] }[] }
  ).rows;
