import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error the API answers with, in SPEC's shape:
 * `{"error": {"code", "message", "timestamp", ...details}}`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} not found`);

/** A backing service (Redis, Postgres, the queue) did not answer: the client may retry. */
export class BackendUnavailableError extends ApiError {
  constructor(readonly backend: "db" | "redis" | "queue") {
    const name = { db: "The database", redis: "The seat service", queue: "The message queue" }[backend];
    super(503, "SERVICE_UNAVAILABLE", `${name} is unavailable; please retry shortly`, undefined, {
      "Retry-After": "2",
    });
    this.name = "BackendUnavailableError";
  }
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, timestamp: new Date().toISOString(), ...details } };
}
