/**
 * Before the browser suites: two copies of the real stack (`startDevStack`: wrangler dev on the
 * built web/dist, Postgres and Redis through the bridges), each on a fresh database and Redis
 * database of its own, never the dev data:
 * - "main": production-like timings (holds and payment windows of 5 minutes);
 * - "short": holds of a few seconds and a payment window of SHORT_PAYMENT_WINDOW_SECONDS, for the
 *   expiry scenarios and a declined payment waited out.
 * Their URLs reach the tests through vitest's provide/inject.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { Redis as IORedis } from "ioredis";
import type { TestProject } from "vitest/node";
import { ensureDatabase, freePort, ROOT, StackError } from "../../dev/local-stack.ts";
import { type DevStack, ONE_ADDRESS_FOR_ALL, startDevStack } from "../../dev/start.ts";

const PG = process.env.E2E_PG_URL ?? "postgres://postgres:postgres@127.0.0.1:5432";
const REDIS = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Before the e2e database names, so parallel runs on one Postgres never share (e.g. `door_`). */
const DB_PREFIX = process.env.E2E_DB_PREFIX ?? "";
if (!/^[a-z0-9_]*$/.test(DB_PREFIX)) throw new Error("E2E_DB_PREFIX: lower-case letters, digits and _ only");

/** Hold TTL of the "short" stack: long enough to reach checkout, short enough to wait out. */
export const SHORT_HOLD_TTL_SECONDS = 8;
/** Payment window of the "short" stack: time for a round trip to the sandbox's page and back, then waited out. */
export const SHORT_PAYMENT_WINDOW_SECONDS = 20;

const log = (line: string) => {
  if (process.env.STACK_VERBOSE) console.log(`[e2e stack] ${line}`);
};

async function freshStack(name: string, database: string, redisDb: number, vars: Record<string, string>) {
  const databaseUrl = `${PG}/${database}`;
  const redisUrl = `${REDIS}/${redisDb}`;
  await ensureDatabase(databaseUrl, { reset: true });
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();
  // Its own Miniflare state (cache, posters, queues), fresh like its database.
  const persistTo = path.join(ROOT, ".wrangler/e2e", `${DB_PREFIX}${name}`);
  rmSync(persistTo, { recursive: true, force: true });
  const port = await freePort();
  const started = Date.now();
  const stack = await startDevStack({
    port,
    databaseUrl,
    redisUrl,
    vars: { ...ONE_ADDRESS_FOR_ALL, ...vars },
    log,
    persistTo,
    inheritOutput: Boolean(process.env.STACK_VERBOSE),
  });
  console.log(`[e2e] ${name} stack ready at ${stack.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return stack;
}

export default async function setup(project: TestProject) {
  // One after the other: two wrangler dev processes starting at the same moment both grab the
  // default inspector port (9229); started in turn, the second finds it taken and picks another.
  const stacks: DevStack[] = [];
  try {
    stacks.push(await freshStack("main", `${DB_PREFIX}housefull_e2e`, 11, {}));
    stacks.push(
      await freshStack("short", `${DB_PREFIX}housefull_e2e_short`, 13, {
        HOLD_TTL_SECONDS: String(SHORT_HOLD_TTL_SECONDS),
        PAYMENT_WINDOW_SECONDS: String(SHORT_PAYMENT_WINDOW_SECONDS),
      }),
    );
  } catch (error) {
    await Promise.all(stacks.map((s) => s.stop()));
    if (error instanceof StackError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const [main, short] = stacks as [DevStack, DevStack];
  project.provide("baseUrl", main.url);
  project.provide("shortTtlUrl", short.url);
  project.provide("shortHoldTtlSeconds", SHORT_HOLD_TTL_SECONDS);
  project.provide("shortPaymentWindowSeconds", SHORT_PAYMENT_WINDOW_SECONDS);
  // Each stack's payment sandbox (its hosted checkout pages, its /__sandbox switches).
  project.provide("paymentSandboxUrl", main.paymentSandboxUrl);
  project.provide("shortPaymentSandboxUrl", short.paymentSandboxUrl);
  return async () => {
    await Promise.all(stacks.map((s) => s.stop()));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    shortTtlUrl: string;
    shortHoldTtlSeconds: number;
    shortPaymentWindowSeconds: number;
    paymentSandboxUrl: string;
    shortPaymentSandboxUrl: string;
  }
}
