/**
 * Starts a dev stack for the benchmark in a child process (bench/stack-process.ts of the work
 * tree at `root`, see snapshot.ts) and stops it again. Every stack started here is remembered, so
 * `stopAllStacks()` can end them on any exit.
 */
import { type ChildProcess, fork } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";
import type { StackProcessMessage, StackProcessOptions } from "./stack-process.ts";

const START_TIMEOUT_MS = 120_000;

export interface BenchStack {
  url: string;
  port: number;
  /** The process running the bridges, parent of wrangler and its workerd processes. */
  pid: number;
  simulatedRttMs: number;
  /** Its payment sandbox (local Stripe), which delivers signed webhooks to this stack's worker. */
  paymentSandboxUrl: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

export async function startStack(root: string, opts: StackProcessOptions): Promise<BenchStack> {
  // BENCH_STACK_LOG=file: wrangler's own output goes there (to see e.g. why it reloaded the worker).
  const logFile = process.env.BENCH_STACK_LOG;
  const out = logFile ? openSync(logFile, "a") : "inherit";
  const child = fork(path.join(root, "bench/stack-process.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", out, out, "ipc"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const stop = () => stopChild(child);
  try {
    const message = await new Promise<StackProcessMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the dev stack did not start within 120 s")), START_TIMEOUT_MS);
      child.once("message", (m) => {
        clearTimeout(timer);
        resolve(m as StackProcessMessage);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the dev stack process exited (code ${code}) before it was ready`));
      });
      child.send(opts);
    });
    if ("error" in message) throw new Error(`the dev stack did not start: ${message.error}`);
    return {
      url: message.url,
      port: opts.port,
      pid: child.pid as number,
      simulatedRttMs: opts.simulatedRttMs,
      paymentSandboxUrl: message.paymentSandboxUrl,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function stopAllStacks(): Promise<void> {
  await Promise.all([...running].map(stopChild));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
