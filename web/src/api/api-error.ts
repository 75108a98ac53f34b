import type { ErrorCode } from "@housefull/shared";

/**
 * How the API's failures look to the UI, and which are worth trying again. Apart from the typed
 * client (./client.ts, which re-exports all of it) so what needs only these rules (the early reads,
 * the query cache) does not need the client, and tests can load it without the worker's types.
 */
/** Failures the client itself names: no answer, an unreadable answer, an answer without the API's shape. */
export type ClientErrorCode = "NETWORK" | "BAD_RESPONSE" | `HTTP_${number}`;

/**
 * Every failed call becomes one of these: the API's `{"error": {code, message, timestamp, ...}}`
 * (its code from the shared registry), or one of the client's own codes.
 */
/** What an answer from the API offers, whether from `fetch` or the typed hc client. */
export interface ApiResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  json(): Promise<unknown>;
}

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Anything else the API put in `error` (e.g. `issues`, `seats`). */
    readonly details: Readonly<Record<string, unknown>> = {},
    /** From `Retry-After`, when the API said when to come back. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Worth trying again as is: no answer, rate limited, or a server-side failure. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  static async fromResponse(res: ApiResponse): Promise<ApiError> {
    const retryAfter = Number(res.headers.get("Retry-After"));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    const error = errorOf(body);
    if (error) {
      const { code, message, timestamp: _timestamp, ...details } = error;
      return new ApiError(res.status, code, message, details, retryAfterSeconds);
    }
    return new ApiError(
      res.status,
      `HTTP_${res.status}`,
      res.statusText || `HTTP ${res.status}`,
      {},
      retryAfterSeconds,
    );
  }
}

/**
 * The API's error object, when the body has SPEC's shape. Its code is one of the registry's: the
 * worker and this UI ship together (it serves web/dist), and checking against the registry at run
 * time would put every code's description into the first page load.
 */
function errorOf(body: unknown): ({ code: ErrorCode; message: string } & Record<string, unknown>) | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = body.error as Record<string, unknown> | null;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message } = error;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return { ...error, code: code as ErrorCode, message };
}

/** Retry only what may work the second time: no answer, 429, 5xx. A 404 stays a 404. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.isRetryable && failureCount < 2;
  return failureCount < 1;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds) return Math.min(error.retryAfterSeconds, 10) * 1000;
  return Math.min(500 * 2 ** attempt, 4000);
}
