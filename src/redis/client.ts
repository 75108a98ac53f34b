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
  const requester = (redis as unknown as { client: { request: (req: unknown) => Promise<unknown> } }).client;
  const request = requester.request.bind(requester);
  requester.request = (req) => trackCall("redis", () => request(req));
}

/** True when a Redis error means the service could not be reached, not that a command was wrong. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError") return true;
  if (error instanceof TypeError) return true;
  // Redis's own errors start with an upper-case code (ERR, WRONGTYPE, NOSCRIPT…): those are bugs.
  return error.name === "UpstashError" && !/^[A-Z]{3,}\b/.test(error.message);
}
