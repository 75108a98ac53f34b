import { Redis } from "@upstash/redis/cloudflare";
import type { Config } from "../env";
import { trackCall } from "../http/server-timing";

const clients = new WeakMap<Config, Redis>();

/**
 * The worker's Redis: Upstash over REST. Each HTTP request the client makes (a command, a pipeline,
 * a script) is counted as one Redis round trip in `Server-Timing`. Calls time out after
 * BACKEND_TIMEOUT_MS and retry once, so a Redis outage becomes a quick 503, not a hung request.
 */
export function redisOf(config: Config): Redis {
  let redis = clients.get(config);
  if (!redis) {
    redis = new Redis({
      url: config.UPSTASH_REDIS_REST_URL,
      token: config.UPSTASH_REDIS_REST_TOKEN,
      automaticDeserialization: false,
      enableTelemetry: false,
      signal: () => AbortSignal.timeout(config.BACKEND_TIMEOUT_MS),
      retry: { retries: 1, backoff: () => 50 },
    });
    instrument(redis);
    clients.set(config, redis);
  }
  return redis;
}

/** Wraps the client's requester so every REST call is recorded on the current request. */
function instrument(redis: Redis): void {
  // The client's requester is not public API; check its shape instead of trusting a cast.
  const requester: unknown = Reflect.get(redis, "client");
  if (!isRequester(requester)) throw new Error("@upstash/redis: no requester to time (client internals changed)");
  const request = requester.request.bind(requester);
  requester.request = (req) =>
    trackCall("redis", () => request(req).catch((error: unknown) => throwAsTransport(error)));
}

/**
 * The requester throws UpstashError for an answer it could read, and the fetch's own error when
 * there was no answer at all — in workerd a plain `Error("Network connection lost.")` for a refused
 * or dropped connection. Naming the latter lets `isRedisUnavailable` answer 503, not 500.
 */
function throwAsTransport(error: unknown): never {
  if (!(error instanceof Error) || error.name === "UpstashError" || error.name === "TimeoutError") throw error;
  if (error.name === "AbortError") throw error;
  const failure = new Error("Redis did not answer", { cause: error });
  failure.name = "RedisTransportError";
  throw failure;
}

type Requester = { request: (req: unknown) => Promise<unknown> };
const isRequester = (value: unknown): value is Requester =>
  typeof value === "object" && value !== null && typeof Reflect.get(value, "request") === "function";

/**
 * Redis errors that mean our command or script is wrong (a bug: 500), as opposed to Redis being
 * unreachable, overloaded or failing over (503: the client may retry).
 */
const COMMAND_BUG = /^(ERR (user_script|Error running script|wrong number|unknown command|syntax)|WRONGTYPE|NOSCRIPT)/i;

/** True when a Redis error means the service could not be reached or could not serve the call. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError" || error.name === "RedisTransportError") return true;
  if (error instanceof TypeError) return true;
  return error.name === "UpstashError" && !COMMAND_BUG.test(error.message);
}
