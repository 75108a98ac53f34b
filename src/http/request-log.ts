import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { configOf } from "../env";
import { BackendTimings, withTimings } from "./server-timing";

type Level = "debug" | "info" | "warn" | "error";

/**
 * One JSON line per event, always with the request id, so one request's lines can be found
 * together. Callers pass ids and counts, never customer details or secrets.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/**
 * Per request: parses the config, opens the backend-call ledger, and afterwards writes the
 * `Server-Timing` header and one access-log line (method, path, status, time, round trips).
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    const timings = new BackendTimings();
    c.set("timings", timings);
    c.set("config", configOf(c.env));
    await withTimings(timings, next);
    const serverTiming = timings.header();
    if (serverTiming) c.res.headers.set("Server-Timing", serverTiming);
    log("info", "request", {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      db: timings.calls.db.count,
      redis: timings.calls.redis.count,
      queue: timings.calls.queue.count,
    });
  };
}
