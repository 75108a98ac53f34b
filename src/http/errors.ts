import { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorStatus } from "../shared/error-codes";

export type { ErrorCode };

/**
 * An error the API answers with, in its one error shape (docs/API.md: Errors). Its status comes from the one registry
 * (`src/shared/error-codes.ts`), so a code always means the same status on every route.
 */
export class ApiError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_CODES[code].status;
  }
}

/** A backing service (Redis, Postgres, the queue) did not answer: the client may retry. */
export class BackendUnavailableError extends ApiError {
  constructor(readonly backend: "db" | "redis" | "queue") {
    const name = { db: "The database", redis: "The seat service", queue: "The message queue" }[backend];
    super("SERVICE_UNAVAILABLE", `${name} is unavailable; please retry shortly`, undefined, { "Retry-After": "2" });
    this.name = "BackendUnavailableError";
  }
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, timestamp: new Date().toISOString(), ...details } };
}
