import type { UpstashRequest, UpstashResponse } from "@upstash/redis/cloudflare";
// @upstash/redis's own REST transport (retries, signals, base64 replies, its errors), without the
// `Redis` class: that class makes every command of Redis a field (~70 KB minified the bundle cannot
// shake; docs/BENCHMARKS.md, cold start). The chunk is not in the package's exports map, so it is
// reached by path; an upgrade that renames it fails the build, and the lockfile pins the version.
import {
  HttpClient as UpstashHttpClient,
  error_exports as upstashErrors,
  // @ts-expect-error The chunk ships no declaration file; `HttpClientClass` below types what is used.
} from "../../node_modules/@upstash/redis/chunk-4WQYU7T6.mjs";
import type { Config } from "../env";
import { trackCall } from "../http/server-timing";

type HttpClientClass = new (config: {
  baseUrl: string;
  headers: Record<string, string>;
  signal: () => AbortSignal;
  retry: { retries: number; backoff: (retryCount: number) => number };
}) => RestTransport;
const HttpClient: HttpClientClass = UpstashHttpClient;
const { UpstashError }: { UpstashError: new (message: string) => Error } = upstashErrors;

/** A command as the REST API takes it (strings and numbers; anything else JSON, as the client does). */
type Command = (string | number)[];
type Mode = "read" | "write";

/** How many commands one automatic batch takes, as @upstash/redis (MAX_PIPELINE_SIZE). */
const BATCH_LIMIT = 1000;

type Reply = UpstashResponse<unknown>;
/**
 * @upstash/redis's transport as the worker uses it. Its own type (`Requester`) declares one reply per
 * request, but a `pipeline` path answers one per command: said here, and checked on arrival.
 */
export type RestTransport = { request(req: UpstashRequest): Promise<Reply | Reply[]> };

function repliesOf(reply: Reply | Reply[]): Reply[] {
  if (!Array.isArray(reply)) throw new UpstashError("A pipeline did not answer one reply per command");
  return reply;
}

type Batch = { commands: Command[]; sent?: Promise<Reply[]> };

/**
 * The worker's Redis: Upstash over REST, the calls the worker makes and nothing else, with
 * @upstash/redis's default behaviour kept: commands issued together (within two microtasks) go as
 * one `/pipeline` request, reads and writes each in their own (its auto-pipelining); SMEMBERS,
 * HGETALL and explicit pipelines go on their own. Replies are raw (no JSON deserialisation).
 */
export class Redis {
  private readonly batches: Record<Mode, Batch | undefined> = { read: undefined, write: undefined };

  constructor(private readonly client: RestTransport) {}

  get = <T = string>(key: string) => this.batched("read", ["get", key]) as Promise<T | null>;
  hincrby = (key: string, field: string, by: number) => this.batched("write", ["hincrby", key, field, by]);
  sadd = (key: string, ...members: string[]) => this.batched("write", ["sadd", key, ...members]);
  srem = (key: string, ...members: string[]) => this.batched("write", ["srem", key, ...members]);
  ping = () => this.batched("write", ["ping"]);
  /** The flat [field, value, …] reply. */
  hgetall = (key: string) => this.single(["hgetall", key]);

  /** Explicit pipeline: one request; the first failed command fails it. */
  pipeline() {
    const commands: Command[] = [];
    const pipe = {
      smembers: (key: string) => add(["smembers", key]),
      exists: (...keys: string[]) => add(["exists", ...keys]),
      exec: async (): Promise<unknown[]> => {
        if (commands.length === 0) throw new Error("Pipeline is empty");
        const replies = repliesOf(await this.client.request({ path: ["pipeline"], body: commands }));
        return replies.map(({ error, result }, i) => {
          if (error) throw new UpstashError(`Command ${i + 1} [ ${commands[i]?.[0]} ] failed: ${error}`);
          return result;
        });
      },
    };
    const add = (command: Command) => {
      commands.push(command);
      return pipe;
    };
    return pipe;
  }

  /** EVALSHA, falling back to EVAL when Redis does not know the script yet (as @upstash/redis's Script). */
  createScript<T = unknown>(script: string) {
    const sha1 = sha1Hex(script);
    return {
      exec: async (keys: string[], args: (string | number)[]): Promise<T> => {
        const tail = [keys.length, ...keys, ...args];
        const res = await this.batched("write", ["evalsha", await sha1, ...tail]).catch((error: unknown) => {
          if (error instanceof Error && error.message.toLowerCase().includes("noscript")) {
            return this.batched("write", ["eval", script, ...tail]);
          }
          throw error;
        });
        return res as T;
      },
    };
  }

  /** One command on its own request. */
  private async single(command: Command): Promise<unknown> {
    const reply = await this.client.request({ body: command });
    if (Array.isArray(reply)) throw new UpstashError("One command answered as a pipeline");
    const { result, error } = reply;
    if (error) throw new UpstashError(error);
    if (result === undefined) throw new TypeError("Request did not return a result");
    return result;
  }

  /** Joins the open batch of its kind; the batch is sent two microtasks after its first command. */
  private async batched(mode: Mode, command: Command): Promise<unknown> {
    let batch = this.batches[mode];
    if (!batch) {
      batch = { commands: [] };
      this.batches[mode] = batch;
    }
    const open = batch;
    const index = open.commands.push(command) - 1;
    if (open.commands.length >= BATCH_LIMIT) this.batches[mode] = undefined;
    await Promise.resolve();
    await Promise.resolve();
    if (!open.sent) {
      open.sent = this.client.request({ path: ["pipeline"], body: open.commands }).then(repliesOf);
      if (this.batches[mode] === open) this.batches[mode] = undefined;
    }
    const reply = (await open.sent)[index];
    if (reply?.error) throw new UpstashError(`Command failed: ${reply.error}`);
    return reply?.result;
  }
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const clients = new WeakMap<Config, Redis>();

/**
 * The worker's Redis. Each HTTP request the client makes (a command, a pipeline, a script) is
 * counted as one Redis round trip in `Server-Timing`. Calls time out after BACKEND_TIMEOUT_MS and
 * retry once, so a Redis outage becomes a quick 503, not a hung request.
 */
export function redisOf(config: Config): Redis {
  let redis = clients.get(config);
  if (!redis) {
    const http = new HttpClient({
      baseUrl: config.UPSTASH_REDIS_REST_URL,
      headers: { authorization: `Bearer ${config.UPSTASH_REDIS_REST_TOKEN}` },
      signal: () => AbortSignal.timeout(config.BACKEND_TIMEOUT_MS),
      retry: { retries: 1, backoff: () => 50 },
    });
    redis = new Redis(instrumented(http));
    clients.set(config, redis);
  }
  return redis;
}

/** Every REST call recorded on the current request. */
function instrumented(http: RestTransport): RestTransport {
  const request = http.request.bind(http);
  return {
    request: (req: UpstashRequest) =>
      trackCall("redis", () => request(req).catch((error: unknown) => throwAsTransport(error))),
  };
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

// Classifying errors needs no client: the error handler imports it without loading Upstash's.
export { isRedisUnavailable } from "./errors";
