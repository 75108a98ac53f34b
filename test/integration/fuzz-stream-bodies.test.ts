import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { createShow, newUser, seatMap, statesOf } from "./fixtures";

/**
 * Bodies that do not arrive whole: a client that disconnects mid-body, and one that sends part of
 * a body and then nothing (slowloris). Neither is a server error: the abort is a 400 logged at warn
 * (never an error line with a stack), the stall a 408 within BODY_TIMEOUT_MS; nothing is written.
 * The stall tests run the worker with a short timeout through its env (`{...env, BODY_TIMEOUT_MS}`),
 * so they take a fraction of a second rather than the production default.
 */

const encoder = new TextEncoder();
const SHORT_TIMEOUT_MS = 300;
/** Far above SHORT_TIMEOUT_MS, far below the test timeout: "bounded" without a flaky timing assertion. */
const GIVE_UP_MS = 8_000;

let showId: string;
beforeAll(async () => {
  showId = await createShow();
});

const spies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
});

/** The worker's log lines from now on, by console method. */
function spyOnLogs() {
  const byMethod = {} as Record<"log" | "warn" | "error", { mock: { calls: unknown[][] } }>;
  for (const method of ["log", "warn", "error"] as const) {
    const spy = vi.spyOn(console, method);
    byMethod[method] = spy;
    spies.push(spy);
  }
  const lines = (method: "log" | "warn" | "error") =>
    byMethod[method].mock.calls.map((args) => JSON.parse(args.map(String).join(" ")) as Record<string, unknown>);
  return { lines };
}

/** A JSON hold request that sends its first half, then does what `then` says with the stream. */
function halfABody(then: "error" | "stall") {
  const json = JSON.stringify({ showId, seatIds: ["C3", "C4"], quantity: 2 });
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(json.slice(0, json.length / 2)));
      if (then === "error") setTimeout(() => controller.error(new Error("client went away")), 20);
      // "stall": no more bytes, never closed.
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, wasCancelled: () => cancelled };
}

const holdRequest = (userId: string, body: ReadableStream<Uint8Array>) =>
  new Request("http://localhost/api/v1/holds", {
    method: "POST",
    headers: { "x-user-id": userId, "content-type": "application/json" },
    body,
    // @ts-expect-error: RequestInit of workerd's types has no `duplex`; a stream body needs it elsewhere.
    duplex: "half",
  });

/** The worker's answer, or "no answer" once GIVE_UP_MS have passed. */
async function answerOf(request: Request, workerEnv: Env = env): Promise<Response | "no answer"> {
  const ctx = createExecutionContext();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<"no answer">((resolve) => {
    timer = setTimeout(() => resolve("no answer"), GIVE_UP_MS);
  });
  try {
    const res = await Promise.race([worker.fetch(request, workerEnv, ctx), giveUp]);
    if (res !== "no answer") await waitOnExecutionContext(ctx);
    return res;
  } finally {
    clearTimeout(timer);
  }
}

describe("request bodies that do not arrive whole", () => {
  it("a body aborted mid-way is a 400, logged at warn without a stack, never an error line", async () => {
    const logs = spyOnLogs();
    const userId = newUser("abort");
    const { body } = halfABody("error");
    const res = await answerOf(holdRequest(userId, body));
    if (res === "no answer") throw new Error("no answer to an aborted body");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");

    expect(logs.lines("error"), "error-level lines").toEqual([]);
    const warned = logs.lines("warn");
    expect(warned.map((l) => l.msg)).toContain("request body aborted");
    for (const line of warned) expect(JSON.stringify(line)).not.toMatch(/\n\s+at |stack|client went away/);
    // The access line says what the client got.
    expect(logs.lines("log").find((l) => l.msg === "request")?.status).toBe(400);
    // Nothing was held.
    const states = statesOf(await seatMap(showId));
    expect(states.get("C3")?.state).toBe("AVAILABLE");
  });

  it("a body that stalls gets 408 REQUEST_TIMEOUT within BODY_TIMEOUT_MS, and the stream is cancelled", async () => {
    const logs = spyOnLogs();
    const { body, wasCancelled } = halfABody("stall");
    const started = Date.now();
    const res = await answerOf(holdRequest(newUser("stall"), body), {
      ...env,
      BODY_TIMEOUT_MS: String(SHORT_TIMEOUT_MS),
    });
    if (res === "no answer") throw new Error(`no answer to a stalled body after ${GIVE_UP_MS} ms`);
    expect(res.status).toBe(408);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("REQUEST_TIMEOUT");
    expect(Date.now() - started).toBeGreaterThanOrEqual(SHORT_TIMEOUT_MS - 50);
    expect(wasCancelled()).toBe(true);
    expect(logs.lines("error")).toEqual([]);
    expect(logs.lines("warn").map((l) => l.msg)).toContain("request body timed out");
    expect(statesOf(await seatMap(showId)).get("C3")?.state).toBe("AVAILABLE");
  });

  it("a slow drip that never ends is cut off too: the limit is on the whole body, not between bytes", async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"showId":"'));
        timer = setInterval(() => controller.enqueue(encoder.encode(" ")), 50);
      },
      cancel() {
        clearInterval(timer);
      },
    });
    const res = await answerOf(holdRequest(newUser("drip"), body), {
      ...env,
      BODY_TIMEOUT_MS: String(SHORT_TIMEOUT_MS),
    });
    clearInterval(timer);
    if (res === "no answer") throw new Error("no answer to a dripping body");
    expect(res.status).toBe(408);
  });

  it("a stream body that does finish in time is booked as usual (the control)", async () => {
    const json = JSON.stringify({ showId, seatIds: ["D1"], quantity: 1 });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const part of [json.slice(0, 10), json.slice(10, 30), json.slice(30)]) {
          controller.enqueue(encoder.encode(part));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        controller.close();
      },
    });
    const res = await answerOf(holdRequest(newUser("steady"), body), { ...env, BODY_TIMEOUT_MS: "2000" });
    if (res === "no answer") throw new Error("no answer");
    expect(res.status).toBe(201);
  });
});
