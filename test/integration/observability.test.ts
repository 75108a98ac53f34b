import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { createShow, db, deleteHold, type Hold, newUser, placeOrder, postHold } from "./fixtures";
import { call, errorOf, withBindings } from "./http";
import { payOrder, postWebhook } from "./payments";

/**
 * docs/OPERATIONS.md, asserted: the metrics the worker writes (through the METRICS binding, here a
 * recording stand-in for the Analytics Engine dataset), one log line per 5xx and per refused
 * webhook with the request id, and a health check that names the dependency that is down.
 */

interface Point {
  indexes: string[];
  blobs: string[];
  doubles: number[];
}

/** A stand-in for the Analytics Engine dataset: keeps every data point written to it. */
function recordingDataset() {
  const points: Point[] = [];
  const dataset: AnalyticsEngineDataset = { writeDataPoint: (point) => void points.push(point as Point) };
  const of = (event: string) => points.filter((p) => p.blobs[0] === event);
  return { dataset, points, of };
}

const spies: { mockRestore(): void }[] = [];
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
});

/** Every line the worker logs from now on, parsed, with its console method. */
function captureLogs() {
  const lines: { method: string; line: Record<string, unknown> }[] = [];
  for (const method of ["log", "warn", "error"] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push({ method, line: JSON.parse(args.map(String).join(" ")) as Record<string, unknown> });
    });
    spies.push(spy);
  }
  return (requestId: string | null) => lines.filter((l) => l.line.requestId === requestId);
}

const UNREACHABLE_DATABASE = "postgres://postgres:postgres@db.invalid:5432/housefull";
const UNREACHABLE_REDIS = "http://127.0.0.1:9";

describe("booking metrics", () => {
  it("a hold, its order and its payment write hold.created, order.placed and order.confirmed for the show", async () => {
    const metrics = recordingDataset();
    const user = newUser("metrics");
    const showId = await createShow();
    const { webhook } = await withBindings({ METRICS: metrics.dataset }, async () => {
      const order = await placeOrder(user, showId, ["B3", "B4"]);
      return payOrder(user, order.orderId);
    });
    expect(webhook.status).toBe(200);
    for (const event of ["hold.created", "order.placed", "order.confirmed"]) {
      expect(metrics.of(event), event).toEqual([{ indexes: [event], blobs: [event, showId, ""], doubles: [1, 2, 0] }]);
    }
    // Each API request is one `request` point: its route pattern (not the raw path), method and status.
    const requests = metrics.of("request");
    expect(requests.map((p) => [p.blobs[1], p.blobs[2], p.doubles[2]])).toEqual([
      ["/api/v1/holds", "POST", 201],
      ["/api/v1/orders", "POST", 201],
      ["/api/v1/orders/:orderId/payment", "POST", 200],
      ["/api/v1/payments/stripe/webhook", "POST", 200],
    ]);
    for (const p of requests) expect(p.doubles[1]).toBeGreaterThanOrEqual(0);
  });

  it("a hold given back is hold.released; a retried hold is not a second hold.created", async () => {
    const metrics = recordingDataset();
    const user = newUser("release");
    const showId = await createShow();
    await withBindings({ METRICS: metrics.dataset }, async () => {
      const key = { "Idempotency-Key": crypto.randomUUID() };
      const first = await postHold(user, showId, ["C1"], key);
      expect(first.status).toBe(201);
      expect((await postHold(user, showId, ["C1"], key)).status).toBe(200);
      const { holdId } = (await first.json()) as Hold;
      expect((await deleteHold(user, holdId)).status).toBe(204);
    });
    expect(metrics.of("hold.created")).toHaveLength(1);
    expect(metrics.of("hold.released").map((p) => p.blobs[1])).toEqual([showId]);
  });

  it("the cron counts the orders whose payment window lapsed (orders.expired)", async () => {
    const metrics = recordingDataset();
    const order = await placeOrder(newUser("lapse"), await createShow(), ["D5"]);
    await db().execute(
      sql`UPDATE orders SET expires_at = now() - interval '1 minute' WHERE order_id = ${order.orderId}`,
    );
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }),
      { ...env, METRICS: metrics.dataset },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const [expired] = metrics.of("orders.expired");
    // Other suites' lapsed orders may expire in the same run: at least this one.
    expect(expired?.doubles[0]).toBeGreaterThanOrEqual(1);
  });

  it("without a METRICS binding (local development) nothing is written and nothing fails", async () => {
    expect("METRICS" in env).toBe(false);
    expect((await call("/api/v1/health")).status).toBe(200);
  });
});

describe("failures are logged once, with the request id", () => {
  it("Postgres unreachable: health is 503 naming db, one error line, counted as backend.unavailable", async () => {
    const metrics = recordingDataset();
    const logsOf = captureLogs();
    const res = await withBindings({ METRICS: metrics.dataset, DATABASE_URL: UNREACHABLE_DATABASE }, () =>
      call("/api/v1/health"),
    );
    expect(res.status).toBe(503);
    const body = (await res.json()) as { down: string[]; db: string; redis: string; checks: Record<string, unknown> };
    expect(body).toMatchObject({ status: "degraded", db: "down", redis: "ok", down: ["db"] });
    expect(body.checks.db).toMatchObject({ error: expect.any(String), ms: expect.any(Number) });
    const lines = logsOf(res.headers.get("x-request-id"));
    expect(lines).toEqual([
      { method: "error", line: expect.objectContaining({ level: "error", status: 503, down: ["db"] }) },
    ]);
    expect(metrics.of("backend.unavailable").map((p) => p.blobs[1])).toEqual(["db"]);
  });

  it("Redis unreachable: health names redis", async () => {
    const res = await withBindings({ UPSTASH_REDIS_REST_URL: UNREACHABLE_REDIS }, () => call("/api/v1/health"));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ redis: "down", db: "ok", down: ["redis"] });
  });

  // Regression: a refused connection to Upstash surfaced in workerd as a plain Error and was a 500.
  it("Redis refusing connections: a hold is 503 (not 500), on exactly one error line with the code and cause", async () => {
    const metrics = recordingDataset();
    const showId = await createShow();
    const logsOf = captureLogs();
    const res = await withBindings({ METRICS: metrics.dataset, UPSTASH_REDIS_REST_URL: UNREACHABLE_REDIS }, () =>
      postHold(newUser("down"), showId, ["E1"]),
    );
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe("SERVICE_UNAVAILABLE");
    const lines = logsOf(res.headers.get("x-request-id"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: "error",
      line: { level: "error", msg: "request", status: 503, code: "SERVICE_UNAVAILABLE", error: expect.any(String) },
    });
    expect(metrics.of("backend.unavailable").map((p) => p.blobs[1])).toEqual(["redis"]);
  });

  it("a worker with a secret missing answers 500 and says which, on one line", async () => {
    const logsOf = captureLogs();
    const res = await withBindings({ STRIPE_WEBHOOK_SECRET: "" }, () => call("/api/v1/health"));
    expect(res.status).toBe(500);
    const lines = logsOf(res.headers.get("x-request-id"));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.line).toMatchObject({ level: "error", status: 500, code: "INTERNAL" });
    expect(JSON.stringify(lines[0]?.line)).toContain("STRIPE_WEBHOOK_SECRET");
  });

  it("a refused webhook (bad signature): one warn line with the request id and the reason, and a metric", async () => {
    const metrics = recordingDataset();
    const logsOf = captureLogs();
    const body = JSON.stringify({ id: "evt_forged", type: "checkout.session.completed" });
    const res = await withBindings({ METRICS: metrics.dataset }, () =>
      postWebhook(body, `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`),
    );
    expect(res.status).toBe(400);
    const lines = logsOf(res.headers.get("x-request-id"));
    expect(lines).toEqual([
      {
        method: "warn",
        line: expect.objectContaining({
          level: "warn",
          status: 400,
          webhookRefused: "SIGNATURE_INVALID",
          code: "WEBHOOK_SIGNATURE_INVALID",
          reason: expect.any(String),
        }),
      },
    ]);
    expect(metrics.of("webhook.refused")).toEqual([
      { indexes: ["webhook.refused"], blobs: ["webhook.refused", "SIGNATURE_INVALID", ""], doubles: [1, 0, 400] },
    ]);
  });
});
