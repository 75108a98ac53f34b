import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { describeRoute, errorResponses, jsonResponse } from "../http/openapi-doc";
import { pingDatabase, pingRedis } from "./health-store";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  redis: z.enum(["ok", "down"]),
  db: z.enum(["ok", "down"]),
  time: z.iso.datetime(),
});

const probe = (check: () => Promise<unknown>) =>
  check().then(
    () => "ok" as const,
    () => "down" as const,
  );

export const healthRoutes = new Hono<AppEnv>()
  .get(
    "/health/redis",
    describeRoute({
      tags: ["Operations"],
      summary: "One bare Redis PING through the worker's client (readiness probe; the benchmarks' floor)",
      responses: { 200: { description: "Redis answered" }, ...errorResponses("SERVICE_UNAVAILABLE") },
    }),
    async (c) => {
      await pingRedis(c.var.config);
      return c.json({ redis: "ok" }, 200, { "Cache-Control": "no-store" });
    },
  )
  .get(
    "/health",
    describeRoute({
      tags: ["Operations"],
      summary: "Liveness, with a ping of Redis and Postgres",
      responses: {
        200: jsonResponse("Both backends answer", healthSchema),
        503: jsonResponse("A backend is down", healthSchema),
      },
    }),
    async (c) => {
      const [redis, db] = await Promise.all([
        probe(() => pingRedis(c.var.config)),
        probe(() => pingDatabase(depsOf(c).db)),
      ]);
      const status = redis === "ok" && db === "ok" ? "ok" : "degraded";
      return c.json({ status, redis, db, time: new Date().toISOString() }, status === "ok" ? 200 : 503, {
        "Cache-Control": "no-store",
      });
    },
  );
