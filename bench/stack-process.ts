/**
 * One dev stack (dev/start.ts) in a child process of its own, so the load generator and the
 * protocol bridges never share an event loop. The parent sends the options as the first IPC
 * message and gets `{url}` back; the stack stops on SIGINT/SIGTERM or when the parent goes away,
 * also when that happens while it is still starting.
 */
import { type DevStack, ONE_ADDRESS_FOR_ALL, startDevStack } from "../dev/start.ts";

export interface StackProcessOptions {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  simulatedRttMs: number;
}

export type StackProcessMessage = { url: string; paymentSandboxUrl: string } | { error: string };

let stack: DevStack | undefined;
let stopRequested = false;
let stopping = false;

function stop() {
  stopRequested = true;
  if (!stack || stopping) return; // still starting: stopped as soon as it is up
  stopping = true;
  void stack.stop().finally(() => process.exit(0));
}

process.once("SIGINT", stop).once("SIGTERM", stop).once("disconnect", stop);

process.once("message", (message) => {
  const inheritOutput = Boolean(process.env.BENCH_STACK_LOG);
  startDevStack({ ...(message as StackProcessOptions), vars: ONE_ADDRESS_FOR_ALL, log: () => {}, inheritOutput })
    .then((started) => {
      stack = started;
      if (stopRequested || !process.connected) return stop();
      process.send?.({ url: started.url, paymentSandboxUrl: started.paymentSandboxUrl } satisfies StackProcessMessage);
    })
    .catch((error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies StackProcessMessage);
      process.exit(1);
    });
});
