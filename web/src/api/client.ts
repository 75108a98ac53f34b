import { type ClientResponse, hc } from "hono/client";
import { ApiError } from "./api-error";
import type { ApiType } from "./contract";
import { apiFetch } from "./identity";

export { ApiError, type ApiResponse, type ClientErrorCode, retryDelay, shouldRetry } from "./api-error";

/** Every call goes through {@link apiFetch}: the guest token, its renewal, the server's clock. */
export const api = hc<ApiType>("/api/v1", { fetch: apiFetch });

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

/** A request that got no answer: an {@link ApiError} with status 0; a cancellation stays one. */
export function noAnswer(err: unknown): unknown {
  if (isAbort(err)) return err; // react-query cancelled it; not a failure
  return new ApiError(0, "NETWORK", err instanceof Error ? err.message : "Network request failed");
}

export type SuccessBody<R> = R extends ClientResponse<infer T, infer _Status, infer _Format> ? T : never;

/** Awaits an `hc` call: the parsed body on 2xx, an {@link ApiError} otherwise. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  pending: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await pending;
  } catch (err) {
    throw noAnswer(err);
  }
  if (!res.ok) throw await ApiError.fromResponse(res);
  try {
    return (await res.json()) as SuccessBody<R>;
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(res.status, "BAD_RESPONSE", "The server sent a response we could not read");
  }
}
