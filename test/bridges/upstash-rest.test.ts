// Conformance tests for the Upstash REST bridge, driven through the real
// @upstash/redis client (default settings: base64 response encoding on).
import { createHash } from "node:crypto";
import { errors, Redis, type RedisConfigNodejs } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUpstashBridge, type UpstashBridge } from "../../dev/bridges/upstash-rest.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/14";
const TOKEN = "bridge-test-token";
const RTT_MS = 80;

let admin: IORedis;
let bridge: UpstashBridge;
let slowBridge: UpstashBridge;
let redis: Redis;

const client = (b: UpstashBridge, extra: Partial<RedisConfigNodejs> = {}) =>
  new Redis({ url: b.url, token: TOKEN, ...extra });
const post = (path: string, body: string, token = TOKEN) =>
  fetch(`${bridge.url}${path}`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body });

beforeAll(async () => {
  admin = new IORedis(REDIS_URL);
  await admin.flushdb();
  bridge = await startUpstashBridge({ redisUrl: REDIS_URL, token: TOKEN });
  slowBridge = await startUpstashBridge({ redisUrl: REDIS_URL, token: TOKEN, simulatedRttMs: RTT_MS });
  redis = client(bridge);
});

afterAll(async () => {
  await bridge?.close();
  await slowBridge?.close();
  admin?.disconnect();
});

describe("upstash REST bridge", () => {
  it("round-trips strings, unicode and JSON-ish values", async () => {
    const unicode = "héllo wörld 🌍 日本語 \u0000 end";
    await redis.set("s:plain", "hello");
    await redis.set("s:unicode", unicode);
    await redis.set("s:ok", "OK"); // the client special-cases the literal "OK"
    await redis.set("s:zeros", "007");
    await redis.set("s:json", { a: 1, b: [1, "two"], c: null });
    expect(await redis.get("s:plain")).toBe("hello");
    expect(await redis.get("s:unicode")).toBe(unicode);
    expect(await redis.get("s:ok")).toBe("OK");
    expect(await redis.get("s:zeros")).toBe("007");
    expect(await redis.get("s:json")).toEqual({ a: 1, b: [1, "two"], c: null });
    expect(await admin.get("s:unicode")).toBe(unicode); // stored as UTF-8, not re-encoded

    const raw = client(bridge, { automaticDeserialization: false });
    expect(await raw.get("s:json")).toBe('{"a":1,"b":[1,"two"],"c":null}');
    expect(await raw.get("s:zeros")).toBe("007");
    expect(await raw.ping()).toBe("PONG"); // status replies are base64-encoded too

    const plain = client(bridge, { responseEncoding: false }); // no Upstash-Encoding header
    expect(await plain.get("s:unicode")).toBe(unicode);
    expect(await plain.get("s:json")).toEqual({ a: 1, b: [1, "two"], c: null });
  });

  it("handles counters and numeric replies", async () => {
    expect(await redis.incr("n:counter")).toBe(1);
    expect(await redis.incrby("n:counter", 41)).toBe(42);
    expect(await redis.decr("n:counter")).toBe(41);
    expect(await redis.incrbyfloat("n:float", 1.5)).toBe(1.5);
    expect(await redis.get("n:counter")).toBe(41);
    expect(await redis.exists("n:counter", "n:missing")).toBe(1);
  });

  it("returns null for missing keys and fields", async () => {
    await redis.set("m:present", "x");
    expect(await redis.get("m:missing")).toBeNull();
    expect(await redis.hget("m:missing", "f")).toBeNull();
    expect(await redis.mget("m:present", "m:missing")).toEqual(["x", null]);
  });

  it("returns flat arrays for lists, sets and hashes", async () => {
    await redis.rpush("a:list", "one", "two", "three");
    expect(await redis.lrange("a:list", 0, -1)).toEqual(["one", "two", "three"]);
    await redis.sadd("a:set", "x", "y", "z");
    expect((await redis.smembers("a:set")).sort()).toEqual(["x", "y", "z"]);
    await redis.hset("a:hash", { name: "ada", n: 7 });
    expect(await redis.hgetall("a:hash")).toEqual({ name: "ada", n: 7 });
    // Wire shape: a flat [field, value, ...] array, not an object.
    expect(await redis.exec(["HGETALL", "a:hash"])).toEqual(["name", "ada", "n", 7]);
    expect(await redis.hgetall("a:missing")).toBeNull();
  });

  it("supports expiry", async () => {
    await redis.set("e:key", "v", { ex: 100 });
    const ttl = await redis.ttl("e:key");
    expect(ttl).toBeGreaterThan(90);
    expect(ttl).toBeLessThanOrEqual(100);
    expect(await redis.ttl("e:missing")).toBe(-2);
    await redis.set("e:px", "v", { px: 50 });
    await new Promise((r) => setTimeout(r, 120));
    expect(await redis.get("e:px")).toBeNull();
  });

  it("runs scripts via EVALSHA with EVAL fallback, preserving nested Lua tables", async () => {
    // A unique body guarantees the first EVALSHA answers NOSCRIPT.
    const body = `-- ${Date.now()}-${Math.random()}
      redis.call("SET", KEYS[1], ARGV[1])
      return {1, "two", {3, {"four", redis.call("GET", KEYS[1])}}, 5.9, nil, "cut"}`;
    const script = redis.createScript<unknown>(body);
    const sha = createHash("sha1").update(body).digest("hex");
    expect(await admin.script("EXISTS", sha)).toEqual([0]);
    const expected = [1, "two", [3, ["four", "payload"]], 5];
    expect(await script.exec(["sc:key"], ["payload"])).toEqual(expected);
    expect(await admin.script("EXISTS", sha)).toEqual([1]); // loaded by the EVAL fallback
    expect(await script.evalsha(["sc:key"], ["payload"])).toEqual(expected);
    await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("takes Upstash's allow-key-locking flag: Redis never sees it, EVALSHA of the script as sent works", async () => {
    const body = `#!lua flags=allow-key-locking
      -- ${Date.now()}-${Math.random()}
      redis.call("SET", KEYS[1], ARGV[1])
      return redis.call("GET", KEYS[1])`;
    const script = redis.createScript<string>(body);
    expect(await script.exec(["kl:a"], ["locked"])).toBe("locked");
    // Loaded once (by the EVAL fallback); from then on the client's own digest runs it.
    expect(await script.evalsha(["kl:a"], ["again"])).toBe("again");
    // Real Redis 7 refuses the flag, so what it ran had none.
    await expect(admin.eval(body, 1, "kl:a", "x")).rejects.toThrow(/allow-key-locking|flag/i);
    // Redis's own flags stay (no-writes refuses a write).
    const readOnly = `#!lua flags=no-writes,allow-key-locking
      return redis.call("SET", KEYS[1], "w")`;
    await expect(redis.eval(readOnly, ["kl:a"], [])).rejects.toThrow(/write/i);
  });

  it("with allow-key-locking, a key not in KEYS and a database-wide command are rejected (as at Upstash)", async () => {
    const flagged = (lua: string) => `#!lua flags=allow-key-locking\n${lua}`;
    await expect(redis.eval(flagged(`return redis.call("GET", "kl:undeclared")`), ["kl:a"], [])).rejects.toThrow(
      /not in KEYS/,
    );
    await expect(
      redis.eval(flagged(`return redis.call("MGET", KEYS[1], "kl:undeclared")`), ["kl:a"], []),
    ).rejects.toThrow(/not in KEYS/);
    await expect(redis.eval(flagged(`return redis.call("FLUSHDB")`), [], [])).rejects.toThrow(/whole database/);
    expect(await admin.exists("kl:a")).toBe(1); // nothing was flushed
    // Declared keys pass, and so does a script without the flag touching any key (plain Redis rules).
    expect(await redis.eval(flagged(`return redis.call("MGET", KEYS[1], KEYS[2])`), ["kl:a", "kl:b"], [])).toEqual([
      "again",
      null,
    ]);
    expect(await redis.eval(`return redis.call("GET", "kl:a")`, [], [])).toBe("again");
  });

  it("surfaces script errors as UpstashError", async () => {
    await expect(redis.eval("return redis.error_reply('BOOM custom failure')", [], [])).rejects.toThrow(
      errors.UpstashError,
    );
    await expect(redis.eval("return redis.error_reply('BOOM custom failure')", [], [])).rejects.toThrow(
      /BOOM custom failure/,
    );
    await expect(redis.createScript("error('oops')").exec([], [])).rejects.toThrow(errors.UpstashError);
    await expect(redis.eval("this is not lua", [], [])).rejects.toThrow(/ERR/);
  });

  it("keeps per-command errors inside a pipeline", async () => {
    await redis.set("p:notint", "abc");
    const p = redis.pipeline().set("p:a", "1").incr("p:notint").get("p:a");
    await expect(p.exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/);
    const results = await redis.pipeline().set("p:b", "2").incr("p:notint").get("p:b").exec({ keepErrors: true });
    expect(results.map((r) => r.error ?? null)).toEqual([null, expect.stringMatching(/not an integer/), null]);
    expect(results[2].result).toBe(2);
    expect(await redis.get("p:a")).toBe(1); // the commands around the failure still ran
  });

  it("runs multi() as an atomic MULTI/EXEC transaction", async () => {
    expect(await redis.multi().set("t:a", "x").incr("t:n").get("t:a").exec()).toEqual(["OK", 1, "x"]);
    // 50 concurrent transactions each INCR twice: atomic means every pair is consecutive.
    const pairs = await Promise.all(
      Array.from({ length: 50 }, () => redis.multi().incr("t:pair").incr("t:pair").exec()),
    );
    for (const [first, second] of pairs) expect(second).toBe((first as number) + 1);
    expect(pairs.map(([first]) => first).sort((a, b) => (a as number) - (b as number))).toEqual(
      Array.from({ length: 50 }, (_, i) => 2 * i + 1),
    );
    // A command rejected at queue time aborts the whole transaction (wire-level check).
    const res = await post("/multi-exec", JSON.stringify([["SET", "t:aborted", "1"], ["NOSUCHCMD"]]));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/EXECABORT.*unknown command/);
    expect(await redis.get("t:aborted")).toBeNull();
  });

  it("rejects a wrong or missing token with 401", async () => {
    const wrong = await post("/", '["PING"]', "nope");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "Unauthorized" });
    const missing = await fetch(bridge.url, { method: "POST", body: '["PING"]' });
    expect(missing.status).toBe(401);
    await expect(new Redis({ url: bridge.url, token: "nope" }).ping()).rejects.toThrow(/Unauthorized/);
  });

  it("rejects malformed JSON with 400", async () => {
    const res = await post("/", "{not json");
    expect(res.status).toBe(400);
    expect(typeof (await res.json()).error).toBe("string");
    expect((await post("/pipeline", '"not an array"')).status).toBe(400);
  });

  it("delays every request by simulatedRttMs", async () => {
    const slow = client(slowBridge);
    await slow.ping(); // warm the connection
    let start = performance.now();
    await slow.set("rtt:k", "v");
    expect(performance.now() - start).toBeGreaterThanOrEqual(RTT_MS);
    start = performance.now();
    for (let i = 0; i < 3; i++) await slow.incr("rtt:n");
    expect(performance.now() - start).toBeGreaterThanOrEqual(3 * RTT_MS);
    // The delay is per request and overlaps across concurrent requests.
    start = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => slow.incr("rtt:n")));
    expect(performance.now() - start).toBeLessThan(5 * RTT_MS);
    expect(await slow.get("rtt:n")).toBe(13);
  });

  it("serves 200 concurrent INCRs correctly", async () => {
    const values = await Promise.all(Array.from({ length: 200 }, () => redis.incr("c:counter")));
    expect(await redis.get("c:counter")).toBe(200);
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("fails fast with UpstashError when Redis is unreachable", { timeout: 10_000 }, async () => {
    const dead = await startUpstashBridge({ redisUrl: "redis://127.0.0.1:1", token: TOKEN });
    try {
      const start = performance.now();
      await expect(client(dead).get("x")).rejects.toThrow(errors.UpstashError);
      expect(performance.now() - start).toBeLessThan(5_000);
      const res = await fetch(dead.url, {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: '["PING"]',
      });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatch(/unavailable/);
    } finally {
      await dead.close();
    }
  });
});
