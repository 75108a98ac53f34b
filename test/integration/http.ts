import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import worker from "../../src/index";

/** The worker's bindings while `withBindings` runs (else the configured ones). */
let overridden: Env | undefined;

const requestOf = (path: string, init: RequestInit & { json?: unknown }) => {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
};

/** The worker's fetch handler with these bindings, answering once its work after the answer is done. */
async function settled(request: Request, workerEnv: Env): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], workerEnv, ctx);
  const body = await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(body, res);
}

/** A request to the worker's fetch handler, exactly as the runtime would deliver it. */
export function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const request = requestOf(path, init);
  return overridden ? settled(request, overridden) : exports.default.fetch(request);
}

/**
 * The worker's fetch handler called directly, answering once the request's work after the answer
 * (`waitUntil`: e.g. Redis learning of sold seats) is done too, so a test reads settled state. It
 * also skips the harness hop of `call`, which slows down with every request a file makes
 * (cloudflare/workers-sdk#15446) and would serialize concurrent requests.
 */
export function callSettled(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  return settled(requestOf(path, init), overridden ?? env);
}

/**
 * Runs `fn` with every `call` and `callSettled` (so every fixture) answered by the worker with these bindings
 * over its own, e.g. a recording METRICS dataset or an unreachable database. Not for concurrent tests.
 */
export async function withBindings<T>(bindings: Partial<Env>, fn: () => Promise<T>): Promise<T> {
  const before = overridden;
  overridden = { ...env, ...bindings };
  try {
    return await fn();
  } finally {
    overridden = before;
  }
}

/** Round trips per backend, read from the response's Server-Timing header: `{ db: 1, redis: 0, … }`. */
export function backendCalls(res: Response): Record<"db" | "redis" | "queue", number> & { payments?: number } {
  const header = res.headers.get("server-timing") ?? "";
  const count = (name: string) => Number(new RegExp(`(?:^|,\\s*)${name};desc="(\\d+) calls?"`).exec(header)?.[1] ?? 0);
  const payments = count("payments");
  // The payment provider is named only when a request called it, so existing round-trip assertions stay exact.
  return { db: count("db"), redis: count("redis"), queue: count("queue"), ...(payments ? { payments } : {}) };
}

/** Sequential Redis/Postgres round trips of a request (Server-Timing `rtt`): calls made at once count once. */
export function roundTrips(res: Response): number {
  const header = res.headers.get("server-timing") ?? "";
  return Number(/(?:^|,\s*)rtt;desc="(\d+) round trips?"/.exec(header)?.[1] ?? 0);
}

export interface ErrorBody {
  error: { code: string; message: string; timestamp: string; [detail: string]: unknown };
}

export async function errorOf(res: Response): Promise<ErrorBody["error"]> {
  const body = (await res.json()) as ErrorBody;
  return body.error;
}
