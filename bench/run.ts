/**
 * `npm run bench`: starts its own dev stack (Postgres db housefull_bench, Redis db 12), makes
 * 1,000-seat shows, measures the API with autocannon against same-run baselines, then repeats the
 * latency measurements side by side with a second stack whose bridges add a simulated 40 ms RTT.
 * Prints markdown tables and writes the raw numbers to bench/results/latest.json. Stops everything
 * it started, also on error or Ctrl-C. Exits 1 if any correctness check fails. See docs/BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort, ROOT } from "../dev/local-stack.ts";
import { type ColdStartResult, coldStart, coldStartMarkdown } from "./cold-start.ts";
import { CONFIG } from "./config.ts";
import { BenchData, resetBenchData, SENTINEL_KEY } from "./fixtures.ts";
import { issue14Markdown } from "./issue14.ts";
import { stopAllLoads } from "./load.ts";
import { type BenchResult, markdown, problems } from "./report.ts";
import { edgeTarget, edgeView } from "./scenarios/edge.ts";
import { warmShow } from "./scenarios/reads.ts";
import { pollers, seatMapKeys } from "./scenarios/seat-map-scale.ts";
import { seatMapVitals, webVitalsMarkdown } from "./scenarios/web-vitals.ts";
import { snapshotTree } from "./snapshot.ts";
import { startStack, stopAllStacks } from "./stack.ts";
import { throughput } from "./throughput.ts";

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const snapshot = snapshotTree();

async function main(): Promise<BenchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const { databaseUrl, redisUrl, edgeRttMs } = CONFIG;

  // First, on a quiet machine: building and profiling the worker needs no stack.
  const cold = await coldStart(snapshot.root, CONFIG.coldStart, progress);

  progress("resetting housefull_bench and Redis db 12, starting the stack (RTT 0 ms)");
  await resetBenchData(databaseUrl, redisUrl);
  const stack0 = await startStack(snapshot.root, { port: await freePort(), databaseUrl, redisUrl, simulatedRttMs: 0 });
  const data = await BenchData.open(databaseUrl);
  const redis = new Redis(redisUrl);
  try {
    const t = await throughput(stack0, data, redis, progress);

    progress(`edge view: starting a second stack (RTT ${edgeRttMs} ms)`);
    const stackRtt = await startStack(snapshot.root, {
      port: await freePort(),
      databaseUrl,
      redisUrl,
      simulatedRttMs: edgeRttMs,
    });
    const at0 = edgeTarget(stack0.url, stack0.paymentSandboxUrl, await data.createShow(), await data.createShow());
    const atRtt = edgeTarget(
      stackRtt.url,
      stackRtt.paymentSandboxUrl,
      await data.createShow(),
      await data.createShow(),
    );
    const edge = await edgeView(at0, atRtt, edgeRttMs, CONFIG.edge, progress);
    progress("seat map: keys per read at 100 / 1,000 / 5,000 seats (straight on Redis)");
    const keys = await seatMapKeys(redis);
    const polled = await data.createShow();
    await warmShow(stack0.url, polled);
    const seatMap = {
      keys,
      pollers: await pollers(stack0.url, polled, CONFIG.pollers.counts, CONFIG.pollers.durationS, progress),
    };
    progress("web vitals: the seat map page in Chromium (CPU ×4, Slow 3G)");
    const webVitals = await seatMapVitals(stack0.url, await data.createShow(), CONFIG.webVitals, progress);
    const disturbances: string[] = [];
    if (!(await redis.exists(SENTINEL_KEY))) {
      disturbances.push(`something else flushed Redis ${redisUrl} during the run (another suite using the same db?)`);
    }

    return {
      meta: {
        startedAt,
        seconds: (performance.now() - started) / 1000,
        node: process.version,
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
        loadAverage: { start: loadStart, end: os.loadavg() },
        commit: gitCommit(),
        rttMs: edgeRttMs,
        config: CONFIG,
        disturbances,
      },
      throughput: t.rows,
      floorBursts: t.floorBursts,
      cpu: t.cpu,
      ratios: t.ratios,
      storm: t.storm,
      booking: t.booking,
      edge,
      seatMap,
      coldStart: cold,
      webVitals,
    };
  } finally {
    redis.disconnect();
    await data.close();
  }
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT }).toString().trim();
    return dirty ? `${head} (src/ modified)` : head;
  } catch {
    return "unknown";
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    progress(`${signal}: stopping the load and the stacks`);
    stopAllLoads();
    void stopAllStacks().finally(() => {
      snapshot.remove();
      process.exit(130);
    });
  });
}

/** `npm run bench -- --only cold-start`: the bundle, startup and first-load figures alone (no stack). */
async function coldStartOnly(): Promise<ColdStartResult> {
  const result = await coldStart(snapshot.root, CONFIG.coldStart, progress);
  writeResult("cold-start.json", result);
  console.log(coldStartMarkdown(result));
  return result;
}

/** `npm run bench -- --only web-vitals`: the seat map page in Chromium against one stack (RTT 0). */
async function webVitalsOnly() {
  const { databaseUrl, redisUrl } = CONFIG;
  progress("resetting housefull_bench and Redis db 12, starting the stack (RTT 0 ms)");
  await resetBenchData(databaseUrl, redisUrl);
  const stack = await startStack(snapshot.root, { port: await freePort(), databaseUrl, redisUrl, simulatedRttMs: 0 });
  const data = await BenchData.open(databaseUrl);
  try {
    progress("web vitals: the seat map page in Chromium (CPU ×4, Slow 3G)");
    const loadAverage = os.loadavg();
    const result = await seatMapVitals(stack.url, await data.createShow(), CONFIG.webVitals, progress);
    writeResult("web-vitals.json", { ...result, loadAverage });
    console.log(webVitalsMarkdown(result));
  } finally {
    await data.close();
  }
}

function writeResult(file: string, result: unknown) {
  const dir = path.join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), `${JSON.stringify(result, null, 2)}\n`);
}

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

try {
  if (only === "cold-start") {
    await coldStartOnly();
  } else if (only === "web-vitals") {
    await webVitalsOnly();
  } else if (only) {
    throw new Error(`--only ${only}: the parts that run alone are cold-start and web-vitals`);
  } else {
    const result = await main();
    writeResult("latest.json", result);
    console.log(markdown(result));
    console.log(`\n${issue14Markdown(result)}\n`);
    console.log(coldStartMarkdown(result.coldStart));
    console.log(webVitalsMarkdown(result.webVitals));
    const found = problems(result);
    if (found.length) {
      console.error(`\nCORRECTNESS PROBLEMS:\n${found.map((p) => `- ${p}`).join("\n")}`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  if (!interrupted) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  }
} finally {
  await stopAllStacks();
  snapshot.remove();
}
