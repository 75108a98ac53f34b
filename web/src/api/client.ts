import type { ErrorCode } from "@housefull/shared";
import { type ClientResponse, hc, type InferResponseType } from "hono/client";
import type { ApiType } from "./contract";
import { apiFetch } from "./identity";

/** Every call goes through {@link apiFetch}: the guest token, its renewal, the server's clock. */
export const api = hc<ApiType>("/api/v1", { fetch: apiFetch });

// Response types, straight from the worker's handlers ----------------------------------------------

export type MovieList = InferResponseType<typeof api.movies.$get, 200>;
export type Movie = InferResponseType<(typeof api.movies)[":movieId"]["$get"], 200>;
export type ShowsOfDay = InferResponseType<(typeof api.movies)[":movieId"]["shows"]["$get"], 200>;
export type ShowSummary = ShowsOfDay["shows"][number];
export type ShowStatus = ShowSummary["status"];
export type Theatre = ShowSummary["theatre"];
export type ShowDetail = InferResponseType<(typeof api.shows)[":showId"]["$get"], 200>;

// Errors ---------------------------------------------------------------------------------------------

/** Failures the client itself names: no answer, an unreadable answer, an answer without the API's shape. */
export type ClientErrorCode = "NETWORK" | "BAD_RESPONSE" | `HTTP_${number}`;

/**
 * Every failed call becomes one of these: the API's `{"error": {code, message, timestamp, ...}}`,
 * a response without that shape (`HTTP_<status>`), or no response at all (`NETWORK`, status 0).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The API's error code (from the shared registry), or one of the client's own. */
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Anything else the API put in `error` (e.g. `issues`, `seats`). */
    readonly details: Readonly<Record<string, unknown>> = {},
    /** From `Retry-After`, when the API said when to come back. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Worth trying again as is: no answer, rate limited, or a server-side failure. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    const retryAfter = Number(res.headers.get("Retry-After"));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (isErrorBody(body)) {
      const { code, message, timestamp: _timestamp, ...details } = body.error;
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
 * SPEC's error body. Its code is one of the registry's: the worker and this UI ship together (it
 * serves web/dist), and checking against the registry at run time would put every code's
 * description into the first page load.
 */
interface ErrorBody {
  error: { code: ErrorCode; message: string; timestamp?: string } & Record<string, unknown>;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

export type SuccessBody<R> = R extends ClientResponse<infer T, infer _Status, infer _Format> ? T : never;

/** Awaits an `hc` call: the parsed body on 2xx, an {@link ApiError} otherwise. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  pending: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await pending;
  } catch (err) {
    if (isAbort(err)) throw err; // react-query cancelled it; not a failure
    throw new ApiError(0, "NETWORK", err instanceof Error ? err.message : "Network request failed");
  }
  if (!res.ok) throw await ApiError.fromResponse(res as unknown as Response);
  try {
    return (await res.json()) as SuccessBody<R>;
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(res.status, "BAD_RESPONSE", "The server sent a response we could not read");
  }
}

// Calls ----------------------------------------------------------------------------------------------

export interface MovieListParams {
  page: number;
  pageSize: number;
  q?: string;
  genre?: string;
  language?: string;
}

export function listMovies(params: MovieListParams, signal?: AbortSignal): Promise<MovieList> {
  const query: { page: string; pageSize: string; q?: string; genre?: string; language?: string } = {
    page: String(params.page),
    pageSize: String(params.pageSize),
  };
  if (params.q) query.q = params.q;
  if (params.genre) query.genre = params.genre;
  if (params.language) query.language = params.language;
  return unwrap(api.movies.$get({ query }, { init: { signal } }));
}

export function getMovie(movieId: string, signal?: AbortSignal): Promise<Movie> {
  return unwrap(api.movies[":movieId"].$get({ param: { movieId } }, { init: { signal } }));
}

export function listShowsOfDay(movieId: string, date: string, signal?: AbortSignal): Promise<ShowsOfDay> {
  return unwrap(api.movies[":movieId"].shows.$get({ param: { movieId }, query: { date } }, { init: { signal } }));
}

export function getShow(showId: string, signal?: AbortSignal): Promise<ShowDetail> {
  return unwrap(api.shows[":showId"].$get({ param: { showId } }, { init: { signal } }));
}
