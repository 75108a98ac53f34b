// Dev/test-only bridge: speaks the Upstash Redis REST protocol (as used by
// @upstash/redis) in front of a real Redis, so the worker's Redis code can run
// against a local server. Never bundled into the worker.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { Command, type Pipeline, Redis, ReplyError } from "ioredis";
import { ScriptTranslator } from "./upstash-key-locking.ts";

export interface UpstashBridgeOptions {
  redisUrl: string; // may select a db: redis://127.0.0.1:6379/9
  token: string;
  host?: string; // default 127.0.0.1
  port?: number; // default 0 = random free port
  simulatedRttMs?: number; // default 0: per-request delay simulating edge→region distance
}

export interface UpstashBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

// ioredis applies per-command reply transformers (HGETALL → object, ZRANGE
// WITHSCORES → pairs, ...). Upstash returns Redis's raw shapes, so skip them.
// Without a replyEncoding every bulk/status reply stays a Buffer: binary safe.
class RawCommand extends Command {
  override transformReply(result: Buffer | Buffer[]): Buffer | Buffer[] {
    return result;
  }
}

// Commands that would change the state of the shared connection for everyone.
const CONNECTION_STATE = new Set(
  "select subscribe psubscribe ssubscribe monitor quit reset multi exec discard watch unwatch hello client".split(" "),
);

type Cmd = (string | number)[];
// Bridge-level failures carry their HTTP status; Redis's own errors are ReplyErrors.
class HttpError extends Error {
  status = 500;
}
const httpError = (status: number, message: string) => Object.assign(new HttpError(message), { status });

const isCmd = (c: unknown): c is Cmd =>
  Array.isArray(c) && c.length > 0 && c.every((a) => typeof a === "string" || typeof a === "number");

function toCommand(c: Cmd, scripts: ScriptTranslator): RawCommand {
  const name = String(c[0]).toLowerCase();
  if (CONNECTION_STATE.has(name)) throw httpError(400, `ERR command '${name}' is not supported by the bridge`);
  // Scripts with Upstash's allow-key-locking flag: Redis gets them without it (upstash-key-locking.ts).
  return new RawCommand(name, scripts.command(c.map(String)).slice(1));
}

// With `Upstash-Encoding: base64` the client base64-decodes every string in
// the reply (recursing into arrays), so status replies like PONG must be
// encoded too. Integers and nulls pass through.
function encode(v: unknown, b64: boolean): unknown {
  if (Buffer.isBuffer(v)) return b64 ? v.toString("base64") : v.toString("utf8");
  if (typeof v === "string") return b64 ? Buffer.from(v).toString("base64") : v;
  if (v instanceof Error) return encode(v.message, b64); // error nested in a Lua table
  if (Array.isArray(v)) return v.map((x) => encode(x, b64));
  return v;
}

// Redis-side errors are the caller's fault (400 / per-item); anything else
// (refused connection, retries exhausted) means Redis is unavailable (503).
function classify(err: unknown): Error {
  if (err instanceof HttpError) return err;
  if (err instanceof ReplyError) return err as Error;
  return httpError(503, `ERR redis unavailable: ${(err as Error)?.message ?? String(err)}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startUpstashBridge(opts: UpstashBridgeOptions): Promise<UpstashBridge> {
  const rtt = opts.simulatedRttMs ?? 0;
  // One shared connection. RESP2 so replies have Upstash's shapes; a short
  // retry budget so a down Redis fails requests fast instead of queueing them.
  const redis = new Redis(opts.redisUrl, {
    protocol: 2,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 50, 500),
  });
  redis.on("error", () => {}); // surfaced per request instead
  const scripts = new ScriptTranslator();

  const batch = async (body: unknown, atomic: boolean, b64: boolean) => {
    if (!Array.isArray(body) || body.length === 0 || !body.every(isCmd))
      throw httpError(400, "ERR expected an array of commands");
    const cmds = body.map((c) => toCommand(c, scripts));
    let out: [unknown, unknown][]; // [error, result] per command
    if (atomic) {
      // ioredis writes MULTI, the commands and EXEC in one go on the shared
      // connection, so nothing else can interleave. EXECABORT rejects here.
      const tx = redis.multi() as unknown as Pipeline;
      for (const c of cmds) tx.sendCommand(c);
      out = ((await tx.exec().catch((e: Error & { previousErrors?: Error[] }) => {
        // EXECABORT alone doesn't say which queued command Redis rejected.
        if (e.previousErrors?.length) e.message += ` (${e.previousErrors.map((p) => p.message).join("; ")})`;
        throw e;
      })) ?? []) as [unknown, unknown][];
    } else {
      // Sent back-to-back without awaiting: ioredis pipelines them on the wire.
      const settled = await Promise.allSettled(cmds.map((c) => redis.sendCommand(c)));
      out = settled.map((r) => (r.status === "fulfilled" ? [null, r.value] : [r.reason ?? "unknown error", null]));
    }
    return out.map(([e, v]) => {
      if (!e) return { result: encode(v, b64) };
      const err = classify(e);
      if (err instanceof HttpError) throw err; // Redis went away mid-batch: fail the request
      return { error: err.message }; // error messages are never base64-encoded
    });
  };

  // Fault injection for tests (POST /__faults {mode, after?}): "down" answers 503, "hang" never
  // answers; `after: N` lets the next N requests through first (a fault in the middle of a request).
  let fault: "down" | "hang" | null = null;
  let faultAfter = 0;

  const handle = async (req: http.IncomingMessage, rawBody: string) => {
    if (req.method !== "POST") throw httpError(405, "Method not allowed");
    if (req.headers.authorization !== `Bearer ${opts.token}`) throw httpError(401, "Unauthorized");
    const target = (req.url ?? "/").split("?")[0];
    if (target === "/__faults") {
      const set = JSON.parse(rawBody || "{}") as { mode?: "down" | "hang" | null; after?: number };
      fault = set.mode ?? null;
      faultAfter = set.after ?? 0;
      return { result: "OK" };
    }
    if (fault && faultAfter > 0) faultAfter -= 1;
    else if (fault === "down") throw httpError(503, "ERR simulated fault: Redis is unreachable");
    else if (fault === "hang") await new Promise(() => {});
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw httpError(400, "ERR failed to parse JSON body");
    }
    const b64 = String(req.headers["upstash-encoding"]).toLowerCase() === "base64";
    // The client joins base URL and path with "/", so tolerate extra slashes.
    const path = ((req.url ?? "/").split("?")[0] ?? "").replace(/^\/+|\/+$/g, "");
    if (path === "") {
      if (!isCmd(body)) throw httpError(400, "ERR expected a command array");
      return { result: encode(await redis.sendCommand(toCommand(body, scripts)), b64) };
    }
    if (path === "pipeline") return batch(body, false, b64);
    if (path === "multi-exec") return batch(body, true, b64);
    throw httpError(404, "Not found");
  };

  const server = http.createServer(async (req, res) => {
    let status = 200;
    let payload: unknown;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      // Half the RTT on the way in, half on the way out: the command lands at
      // Redis mid-flight, as it would for a distant region.
      if (rtt > 0) await sleep(rtt / 2);
      payload = await handle(req, Buffer.concat(chunks).toString("utf8"));
    } catch (e) {
      const err = classify(e);
      status = err instanceof HttpError ? err.status : 400;
      payload = { error: err.message };
    }
    if (rtt > 0) await sleep(rtt - rtt / 2);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  });
  server.keepAliveTimeout = 65_000; // outlive the client's idle sockets

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(opts.port ?? 0, host, resolve);
  }).catch((e) => {
    redis.disconnect(); // e.g. port in use: don't leak the Redis connection
    throw e;
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      redis.disconnect();
    },
  };
}

// Standalone: `tsx dev/bridges/upstash-rest.ts` (REDIS_URL, UPSTASH_TOKEN, PORT).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bridge = await startUpstashBridge({
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    token: process.env.UPSTASH_TOKEN ?? "dev-token",
    port: Number(process.env.PORT ?? 8079),
    simulatedRttMs: Number(process.env.SIMULATED_RTT_MS ?? 0),
  });
  console.log(bridge.url);
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.once("SIGINT", stop).once("SIGTERM", stop);
}
