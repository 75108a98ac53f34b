import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { noteOnRequestLog } from "../http/request-log";
import { pingDatabase, pingRedis } from "./health-store";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  redis: z.enum(["ok", "down"]),
  db: z.enum(["ok", "down"]),
  /** The dependencies that did not answer, by name ("redis": Upstash, "db": Neon Postgres). */
  down: z.array(z.enum(["redis", "db"])),
  /** Per dependency: how long its ping took, and for one that failed, the kind of error (never its message). */
  checks: z.record(z.string(), z.object({ ms: z.number(), error: z.optional(z.string()) })),
  time: z.iso.datetime(),
});

type Probe = { status: "ok" | "down"; ms: number; error?: string };

const probe = async (check: () => Promise<unknown>): Promise<Probe> => {
  const started = Date.now();
  try {
    await check();
    return { status: "ok", ms: Date.now() - started };
  } catch (error) {
    return { status: "down", ms: Date.now() - started, error: error instanceof Error ? error.name : typeof error };
  }
};

export const healthRoutes = new Hono<AppEnv>()
  .get(
    "/health/redis",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Operations"],
          summary: "One bare Redis PING through the worker's client (readiness probe; the benchmarks' floor)",
          responses: { 200: { description: "Redis answered" }, ...errorResponses("SERVICE_UNAVAILABLE") },
        })
      : undocumented,
    async (c) => {
      await pingRedis(c.var.config);
      return c.json({ redis: "ok" }, 200, { "Cache-Control": "no-store" });
    },
  )
  .get(
    "/health",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Operations"],
          summary: "Liveness, with a ping of Redis and Postgres: which dependency is down, if any",
          responses: {
            200: jsonResponse("Both backends answer", healthSchema),
            503: jsonResponse("A backend is down", healthSchema),
          },
        })
      : undocumented,
    async (c) => {
      const deps = depsOf(c);
      const [redis, db] = await Promise.all([probe(() => pingRedis(c.var.config)), probe(() => pingDatabase(deps.db))]);
      const down = (["redis", "db"] as const).filter((name) => ({ redis, db })[name].status === "down");
      for (const backend of down) deps.metrics.record({ event: "backend.unavailable", backend });
      if (down.length > 0) noteOnRequestLog(c, "error", { down });
      const status = down.length === 0 ? "ok" : "degraded";
      const checks = Object.fromEntries(
        Object.entries({ redis, db }).map(([name, { status: _, ...check }]) => [name, check]),
      );
      const body = { status, redis: redis.status, db: db.status, down, checks, time: new Date().toISOString() };
      return c.json(body, status === "ok" ? 200 : 503, { "Cache-Control": "no-store" });
    },
  );
