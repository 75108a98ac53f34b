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
import { CONFIG } from "./config.ts";
import { BenchData, resetBenchData, SENTINEL_KEY } from "./fixtures.ts";
import { stopAllLoads } from "./load.ts";
import { type BenchResult, markdown, problems } from "./report.ts";
import { edgeTarget, edgeView } from "./scenarios/edge.ts";
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

try {
  const result = await main();
  const dir = path.join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(markdown(result));
  const found = problems(result);
  if (found.length) {
    console.error(`\nCORRECTNESS PROBLEMS:\n${found.map((p) => `- ${p}`).join("\n")}`);
    process.exitCode = 1;
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
