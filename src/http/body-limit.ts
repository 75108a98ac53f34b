import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "./errors";
import { log } from "./request-log";

/**
 * Reads the whole request body before any route sees it, so that a body that does not arrive
 * whole is answered here, as the client's failure rather than the server's:
 *  - over `maxBytes` → 413, counting the bytes actually sent rather than trusting Content-Length
 *    (a request handed over by a binding can say anything there);
 *  - not complete within BODY_TIMEOUT_MS (a stalled or dripping client) → 408, the stream cancelled;
 *  - cut off (the client disconnected, the stream errored) → 400.
 * The last two are logged at warn: a client going away is not a server error.
 */
export function bodyLimit(
  defaultMaxBytes: number,
  /** A larger limit for some paths (the back office's seat layouts and poster uploads). */
  maxBytesFor: (path: string) => number | undefined = () => undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const maxBytes = maxBytesFor(c.req.path) ?? defaultMaxBytes;
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = Number(c.req.header("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
    const bytes = await readWhole(body, maxBytes, c.var.config.BODY_TIMEOUT_MS, c.var.requestId);
    const headers = new Headers(c.req.raw.headers);
    headers.set("content-length", String(bytes.byteLength));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body: bytes });
    await next();
  };
}

const tooLarge = (maxBytes: number) =>
  new ApiError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${maxBytes} bytes`);

async function readWhole(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
  requestId: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError("REQUEST_TIMEOUT", `The request body did not arrive within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (err) {
    // Stop reading whatever the client still sends; a cancel that fails changes nothing.
    reader.cancel().catch(() => {});
    if (err instanceof ApiError) {
      if (err.code === "REQUEST_TIMEOUT") log("warn", "request body timed out", { requestId, bytes: size, timeoutMs });
      throw err;
    }
    // The stream itself failed: the client is gone. Its error says nothing about us; not logged.
    log("warn", "request body aborted", { requestId, bytes: size });
    throw new ApiError("BAD_REQUEST", "The request body was cut off before it ended");
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
