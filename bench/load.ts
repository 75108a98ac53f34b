/**
 * Drives the API with autocannon (programmatic API, loopback only). A scenario is a list of steps
 * each virtual user runs in order (one step for a plain endpoint; hold → order → payment for the
 * booking loop); every answer is recorded under its step's name with its latency, status, error
 * code and Server-Timing round trips.
 */
import autocannon from "autocannon";
import { parseServerTiming, type Recorder, type ServerTiming } from "./measure.ts";

export type Json = Record<string, unknown>;

export interface RequestParts {
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface StepSpec<C extends Json> {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path?: string;
  headers?: Record<string, string>;
  /**
   * The next request of this step, right before it is sent. `undefined` gives up on this pass
   * (e.g. no hold to order because the hold failed): the user starts again from the first step,
   * with a fresh context. The first step must always return a request.
   */
  prepare?: (ctx: C) => RequestParts | undefined;
  /** Every answer of this step, with its JSON body (undefined when there is none). */
  onAnswer?: (status: number, body: Json | undefined, ctx: C) => void;
}

export interface LoadOptions<C extends Json> {
  /** The stack, e.g. http://localhost:8787 */
  baseUrl: string;
  connections: number;
  /** Stop after this many seconds… */
  durationS?: number;
  /** …or after this many requests (whichever comes first when both are given). */
  amount?: number;
  steps: StepSpec<C>[];
  recorder: Recorder;
  /** Records each complete pass over all steps under this name (latency = the steps' sum). */
  loopName?: string;
  /** Checked after every answer; true ends the run. */
  until?: () => boolean;
}

const running = new Set<autocannon.Instance>();

/** Ends every load still running (SIGINT). */
export function stopAllLoads(): void {
  for (const instance of running) instance.stop();
}

interface Answer {
  step: number;
  status: number;
  errorCode?: string;
  body?: string;
  timing: ServerTiming;
  ctx: Json;
}

export function runLoad<C extends Json>(opts: LoadOptions<C>): Promise<autocannon.Result> {
  const { steps, recorder } = opts;
  const url = new URL(opts.baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("load goes to loopback only");
  // autocannon calls onResponse and then emits "response" (with the latency) synchronously, so
  // the answer being measured is always the one onResponse saw last.
  let answer: Answer | undefined;
  let lastAnswerAt = 0;

  const requests: autocannon.Request[] = steps.map((step, index) => ({
    method: step.method,
    path: step.path,
    headers: { ...step.headers },
    setupRequest: (request, ctx) => {
      if (!step.prepare) return request;
      const parts = step.prepare(ctx as C);
      if (!parts) return undefined;
      const json = parts.body !== undefined;
      return {
        ...request,
        path: parts.path ?? request.path,
        headers: { ...request.headers, ...parts.headers, ...(json ? { "content-type": "application/json" } : {}) },
        body: json ? JSON.stringify(parts.body) : request.body,
      };
    },
    onResponse: (status, text, ctx, headers) => {
      const ok = status >= 200 && status < 300;
      const body = (step.onAnswer || !ok) && text ? parseJson(text) : undefined;
      const error = body?.error as { code?: string } | undefined;
      answer = {
        step: index,
        status,
        errorCode: ok
          ? undefined
          : (error?.code ?? (text.includes("restarted mid-request") ? "WORKER_RELOADED" : undefined)),
        body: ok ? undefined : text.slice(0, 300),
        timing: timingOf(headers),
        ctx,
      };
      step.onAnswer?.(status, body, ctx as C);
    },
  }));

  return new Promise((resolve, reject) => {
    recorder.start();
    let stopTimer: NodeJS.Timeout | undefined;
    const instance = autocannon(
      {
        url: url.origin,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationS ?? 10 }),
        timeout: 30,
        sampleInt: 50,
        requests,
      },
      (error, result) => {
        clearTimeout(stopTimer);
        running.delete(instance);
        recorder.stop(lastAnswerAt || undefined);
        if (error) return reject(error);
        recorder.addUnanswered(steps[0]?.name ?? "?", result.errors);
        resolve(result);
      },
    );
    running.add(instance);
    if (opts.amount && opts.durationS) stopTimer = setTimeout(() => instance.stop(), opts.durationS * 1000);

    let stopped = false;
    instance.on("response", (_client, status, _bytes, ms) => {
      lastAnswerAt = performance.now();
      const a = answer;
      answer = undefined;
      if (!a) return;
      const name = steps[a.step]?.name ?? "?";
      recorder.add(name, { status: a.status, errorCode: a.errorCode, body: a.body, ms, timing: a.timing });
      if (opts.loopName) {
        const loopMs = ((a.ctx.loopMs as number | undefined) ?? 0) + ms;
        a.ctx.loopMs = loopMs;
        if (a.step === steps.length - 1 && status >= 200 && status < 300) {
          recorder.add(opts.loopName, { status, ms: loopMs });
        }
      }
      if (!stopped && opts.until?.()) {
        stopped = true;
        instance.stop();
      }
    });
  });
}

function timingOf(headers: Record<string, string | string[]>): ServerTiming {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "server-timing");
  const value = key ? headers[key] : undefined;
  return parseServerTiming(Array.isArray(value) ? value.join(", ") : value);
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
