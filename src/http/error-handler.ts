import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env";
import { isDatabaseUnavailable, postgresErrorOf } from "../db/errors";
import { InvalidConfigurationError } from "../env";
import { metricsOf } from "../observability/metrics";
import { isRedisUnavailable } from "../redis/errors";
import { ApiError, BackendUnavailableError, type ErrorCode, errorBody } from "./errors";
import { hasRequestLog, log, noteOnRequestLog } from "./request-log";

/**
 * The one error handler: every failure becomes one of the API's error responses (docs/API.md:
 * Errors); only a server-side failure (5xx) is logged as an error, once, and only a bug with its stack.
 */
export function answerError(err: unknown, c: Context<AppEnv>): Response {
  const error = toApiError(err);
  if (error instanceof BackendUnavailableError)
    metricsOf(c.env).record({ event: "backend.unavailable", backend: error.backend });
  if (error.status >= 500) {
    const failure = { code: error.code, ...describeFailure(err, error.status === 500) };
    // Inside the API the access line carries the failure (one line per 5xx); elsewhere it is its own line.
    if (hasRequestLog(c)) noteOnRequestLog(c, "error", failure);
    else log("error", "request failed", { requestId: c.var.requestId, path: c.req.path, ...failure });
  }
  return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
}

/**
 * What a failure log line may say: the chain of error names and Postgres codes, and (for bugs) the
 * stack frames — never the messages, which for database errors carry the SQL and its parameters
 * (user ids, customer details).
 */
function describeFailure(err: unknown, withStack: boolean): { error: string; fields?: string[]; stack?: string } {
  // Names of vars and secrets are not secret: the line says what to set (docs/OPERATIONS.md).
  if (err instanceof InvalidConfigurationError) return { error: err.name, fields: err.fields };
  const chain: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    chain.push(typeof code === "string" && code ? `${e.name}(${code})` : e.name);
  }
  if (chain.length === 0) chain.push(typeof err);
  const frames = err instanceof Error ? err.stack?.split("\n").filter((line) => /^\s+at /.test(line)) : undefined;
  return { error: chain.join(" <- "), ...(withStack && frames ? { stack: frames.join("\n") } : {}) };
}

/** Hono's own HTTPExceptions (e.g. unreadable JSON), named by the error registry. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  404: "ROUTE_NOT_FOUND",
  408: "REQUEST_TIMEOUT",
  413: "PAYLOAD_TOO_LARGE",
  429: "RATE_LIMITED",
  503: "SERVICE_UNAVAILABLE",
};

/** What a failure means to the client; only a bug is a 500. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[err.status] ?? (err.status < 500 ? "BAD_REQUEST" : "INTERNAL");
    return new ApiError(code, err.message || "Bad request");
  }
  if (isDatabaseUnavailable(err)) return new BackendUnavailableError("db");
  // Postgres refused a value (SQLSTATE class 22: data exception): the input was bad, not the server.
  if (postgresErrorOf(err)?.code?.startsWith("22"))
    return new ApiError("BAD_REQUEST", "A value in the request is not valid");
  if (isRedisUnavailable(err)) return new BackendUnavailableError("redis");
  return new ApiError("INTERNAL", "Something went wrong on our side; it has been logged");
}
