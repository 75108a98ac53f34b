import { createRequire } from "node:module";
import path from "node:path";
import { cloudflarePool, structuredSerializableStringify } from "@cloudflare/vitest-pool-workers";
import { describe, expect, it } from "vitest";
import type { PoolOptions, PoolWorker } from "vitest/node";
import { detachPoolWorkerOnStop } from "../pool-worker-stop";

/** A stand-in for the runner's WebSocket: records listeners so a test can deliver a frame itself. */
function runnerSocket() {
  const listeners = new Map<string, Set<(event: { data: string }) => void>>();
  return {
    listeners,
    addEventListener(type: string, fn: (event: { data: string }) => void) {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(fn));
    },
    removeEventListener(type: string, fn: (event: { data: string }) => void) {
      listeners.get(type)?.delete(fn);
    },
    send() {},
    close() {},
    /** A module request from the runner, as it arrives in the last instant of a test file. */
    deliverModuleRequest() {
      const data = structuredSerializableStringify({ m: "fetch", a: ["/src/app.ts"], t: "q", i: "late" });
      for (const fn of listeners.get("message") ?? []) fn({ data });
    },
  };
}

const vitestDist = path.dirname(createRequire(import.meta.url).resolve("vitest"));
const poolOptions = { project: { vitest: { distPath: vitestDist } } } as unknown as PoolOptions;

/** A real workers-pool worker, started by hand on the stand-in socket (no workerd needed). */
function startedWorker(initializer: { createPoolWorker(options: PoolOptions): PoolWorker }) {
  const worker = initializer.createPoolWorker(poolOptions);
  const socket = runnerSocket();
  Object.assign(worker, { socket, parsedPoolOptions: {} });
  const received: unknown[] = [];
  worker.on("message", (message) => received.push(message));
  return { worker, socket, received };
}

function wrappedPool() {
  const project = { config: { poolRunner: cloudflarePool({}) } };
  const plugin = detachPoolWorkerOnStop();
  (plugin.configureVitest as (context: unknown) => void)({ project });
  return project.config.poolRunner;
}

describe("a workers-pool worker that has stopped", () => {
  it("as shipped, dies on a module request that arrives after stop (why the wrapper exists)", async () => {
    const { worker, socket } = startedWorker(cloudflarePool({}));
    await worker.stop();
    expect(() => socket.deliverModuleRequest()).toThrow(/before initialisation/);
  });

  it("wrapped, no longer listens once stopped", async () => {
    const { worker, socket } = startedWorker(wrappedPool());
    await worker.stop();
    expect(socket.listeners.get("message")?.size ?? 0).toBe(0);
    expect(() => socket.deliverModuleRequest()).not.toThrow();
  });

  it("wrapped, still hands every message to Vitest while it runs", () => {
    const { socket, received } = startedWorker(wrappedPool());
    socket.deliverModuleRequest();
    expect(received).toHaveLength(1);
  });
});
