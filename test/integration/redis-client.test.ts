import type { Requester, UpstashRequest } from "@upstash/redis/cloudflare";
import { describe, expect, it } from "vitest";
import { Redis } from "../../src/redis/client";
import { redis } from "./fixtures";

/**
 * The worker's own Redis client over @upstash/redis's real transport (the full client's, on the REST
 * bridge and real Redis), with every REST request it makes written down.
 */
function recorded() {
  const transport = Reflect.get(redis(), "client") as Requester;
  const requests: UpstashRequest[] = [];
  const requester: Requester = {
    request: (req) => {
      requests.push(req);
      return transport.request(req);
    },
  };
  return { client: new Redis(requester), requests };
}

const commandsOf = (requests: UpstashRequest[]) =>
  requests.map((r) => [r.path?.join("/") ?? "", (r.body as unknown[][]).map((command) => command[0])]);

describe("the worker's Redis client (src/redis/client.ts), as the full client behaves", () => {
  it("sends commands issued together as one pipeline request, reads apart from writes", async () => {
    const key = `test:redis-client:${crypto.randomUUID()}`;
    await redis().set(key, "seat");
    const { client, requests } = recorded();
    const replies = await Promise.all([
      client.get(key),
      client.get(`${key}:none`),
      client.sadd(`${key}:set`, "a", "b"),
    ]);
    expect(replies).toEqual(["seat", null, 2]);
    expect(commandsOf(requests)).toEqual([
      ["pipeline", ["get", "get"]],
      ["pipeline", ["sadd"]],
    ]);
  });

  it("runs a script Redis has not seen: EVALSHA answers NOSCRIPT, EVAL runs it; the next call is one EVALSHA", async () => {
    const { client, requests } = recorded();
    const script = client.createScript<string>(`return ARGV[1] .. '-${crypto.randomUUID()}'`);
    expect(await script.exec([], ["first"])).toMatch(/^first-/);
    expect(commandsOf(requests)).toEqual([
      ["pipeline", ["evalsha"]],
      ["pipeline", ["eval"]],
    ]);
    requests.length = 0;
    expect(await script.exec([], ["again"])).toMatch(/^again-/);
    expect(commandsOf(requests)).toEqual([["pipeline", ["evalsha"]]]);
  });

  it("HGETALL answers Redis's flat reply on its own request; a failed pipeline command names itself", async () => {
    const key = `test:redis-client:${crypto.randomUUID()}`;
    await redis().hset(key, { ALREADY_HELD: 3 });
    const { client, requests } = recorded();
    expect(await client.hgetall(key)).toEqual(["ALREADY_HELD", "3"]);
    expect(requests[0]?.path).toBeUndefined();
    // SMEMBERS of a hash: Redis's WRONGTYPE, thrown as the full client's pipeline throws it.
    await expect(client.pipeline().smembers(key).exists(key).exec()).rejects.toMatchObject({
      name: "UpstashError",
      message: expect.stringMatching(/^Command 1 \[ smembers \] failed: WRONGTYPE/),
    });
  });
});
