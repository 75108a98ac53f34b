import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { configOf } from "../env";
import { metricsOf } from "../observability/metrics";
import { answerError } from "./error-handler";
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

/** Fields for the request's access line, and the level it deserves (the highest asked wins). */
export interface RequestLogNote {
  level: Level;
  fields: Record<string, unknown>;
}

const LEVELS: Level[] = ["debug", "info", "warn", "error"];

/**
 * Adds to the request's one log line instead of writing another (docs/OPERATIONS.md: logs): a 5xx
 * or a refused webhook is then logged exactly once, with its request id, status and cause.
 */
export function noteOnRequestLog(c: Context<AppEnv>, level: Level, fields: Record<string, unknown>): void {
  const before = c.var.logNote;
  const higher = before && LEVELS.indexOf(before.level) > LEVELS.indexOf(level) ? before.level : level;
  c.set("logNote", { level: higher, fields: { ...before?.fields, ...fields } });
}

/** True inside requestContext: the error handler then notes on the access line rather than logging. */
export const hasRequestLog = (c: Context<AppEnv>) => c.var.timings !== undefined;

/**
 * Per request: parses the config, opens the backend-call ledger, and afterwards writes the
 * `Server-Timing` header, one access-log line (method, path, status, time, round trips — at error
 * level for a 5xx, with its cause) and one `request` metric.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    const timings = new BackendTimings();
    c.set("timings", timings);
    try {
      c.set("config", configOf(c.env));
      await withTimings(timings, next);
    } catch (err) {
      // Only a failure before any route ran gets here (an invalid configuration: a secret not set).
      c.res = answerError(err, c);
    }
    const serverTiming = timings.header();
    if (serverTiming) c.res.headers.set("Server-Timing", serverTiming);
    const { status } = c.res;
    const ms = Date.now() - started;
    const note = c.var.logNote;
    log(status >= 500 ? "error" : (note?.level ?? "info"), "request", {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms,
      db: timings.calls.db.count,
      redis: timings.calls.redis.count,
      queue: timings.calls.queue.count,
      ...note?.fields,
    });
    metricsOf(c.env).record({
      event: "request",
      route: c.var.routePath ?? c.req.routePath,
      method: c.req.method,
      status,
      ms,
    });
  };
}
