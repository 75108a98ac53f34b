/**
 * What one scenario measured, per step (e.g. "hold", "order"): latencies, answers by status and
 * error code, and the backend round trips each response reported in its `Server-Timing` header.
 */

/** `payments`: calls to the payment provider (Stripe; here the local sandbox, not under the simulated distance). */
export type Backend = "db" | "redis" | "queue" | "payments";
const BACKENDS: Backend[] = ["db", "redis", "queue", "payments"];

export interface ServerTiming {
  calls: Record<Backend, number>;
  /** Sequential Redis/Postgres round trips the worker counted (`rtt`): calls made at once count once. */
  rounds: number;
  cache?: "hit" | "miss";
}

/** `db;desc="1 call";dur=3.2, redis;desc="2 calls";dur=0.8, cache;desc="hit"` → counts. */
export function parseServerTiming(header: string | undefined): ServerTiming {
  const calls: Record<Backend, number> = { db: 0, redis: 0, queue: 0, payments: 0 };
  let cache: ServerTiming["cache"];
  let rounds = 0;
  for (const metric of (header ?? "").split(",")) {
    const [name, ...params] = metric.trim().split(";");
    const desc = params.find((p) => p.trim().startsWith("desc="))?.replace(/^\s*desc="?|"$/g, "");
    if (name === "cache" && (desc === "hit" || desc === "miss")) cache = desc;
    else if (name === "rtt") rounds = Number.parseInt(desc ?? "0", 10) || 0;
    else if (BACKENDS.includes(name as Backend)) calls[name as Backend] = Number.parseInt(desc ?? "0", 10) || 0;
  }
  return { calls, cache, rounds };
}

export interface Sample {
  status: number;
  /** The API's error code (`SEAT_TAKEN`, `RATE_LIMITED` …) of a non-2xx answer. */
  errorCode?: string;
  /** The start of a non-2xx answer's body (the first one of each kind is kept). */
  body?: string;
  ms: number;
  timing?: ServerTiming;
}

export interface StepSummary {
  requests: number;
  /** Requests per second over the scenario's wall time… */
  rps: number;
  /** …and 2xx answers per second. */
  okRps: number;
  ok: number;
  p10: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** Non-2xx answers by "status CODE", e.g. {"409 SEAT_TAKEN": 12}… */
  errors: Record<string, number>;
  /** …and the start of the first body of each. */
  errorSamples: Record<string, string>;
  /** Mean calls per request, by backend, from Server-Timing… */
  calls: Record<Backend, number>;
  /** …and mean sequential Redis/Postgres round trips (Server-Timing `rtt`)… */
  rounds: number;
  /** …and all calls, by backend (not averaged). */
  totalCalls: Record<Backend, number>;
  cacheHits: number;
}

class Step {
  readonly latencies: number[] = [];
  readonly errors: Record<string, number> = {};
  readonly errorSamples: Record<string, string> = {};
  readonly calls: Record<Backend, number> = { db: 0, redis: 0, queue: 0, payments: 0 };
  ok = 0;
  timed = 0;
  rounds = 0;
  cacheHits = 0;

  add(sample: Sample) {
    this.latencies.push(sample.ms);
    if (sample.status >= 200 && sample.status < 300) this.ok += 1;
    else {
      const key = `${sample.status}${sample.errorCode ? ` ${sample.errorCode}` : ""}`;
      this.errors[key] = (this.errors[key] ?? 0) + 1;
      if (sample.body !== undefined && !(key in this.errorSamples)) this.errorSamples[key] = sample.body;
    }
    if (sample.timing) {
      this.timed += 1;
      for (const b of BACKENDS) this.calls[b] += sample.timing.calls[b];
      this.rounds += sample.timing.rounds;
      if (sample.timing.cache === "hit") this.cacheHits += 1;
    }
  }

  summary(seconds: number): StepSummary {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const n = sorted.length;
    const mean = (x: number) => (this.timed ? round(x / this.timed, 3) : 0);
    return {
      requests: n,
      rps: seconds > 0 ? round(n / seconds, 1) : 0,
      okRps: seconds > 0 ? round(this.ok / seconds, 1) : 0,
      ok: this.ok,
      p10: percentile(sorted, 10),
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      mean: n ? round(sorted.reduce((s, x) => s + x, 0) / n, 2) : 0,
      errors: this.errors,
      errorSamples: this.errorSamples,
      calls: {
        db: mean(this.calls.db),
        redis: mean(this.calls.redis),
        queue: mean(this.calls.queue),
        payments: mean(this.calls.payments),
      },
      rounds: mean(this.rounds),
      totalCalls: { ...this.calls },
      cacheHits: this.cacheHits,
    };
  }
}

/** Samples by step, plus the wall time they were taken in. */
export class Recorder {
  private readonly steps = new Map<string, Step>();
  private started = 0;
  private elapsedMs = 0;

  /** Wall time counts only between start() and stop(); a recorder can be started again. */
  start() {
    this.started = performance.now();
  }

  /** `at`: when the last answer came (autocannon reports the end of a run up to a sample later). */
  stop(at = performance.now()) {
    if (this.started) this.elapsedMs += Math.max(0, at - this.started);
    this.started = 0;
  }

  get seconds(): number {
    const running = this.started ? performance.now() - this.started : 0;
    return (this.elapsedMs + running) / 1000;
  }

  add(step: string, sample: Sample) {
    let s = this.steps.get(step);
    if (!s) {
      s = new Step();
      this.steps.set(step, s);
    }
    s.add(sample);
  }

  /** Requests that got no answer at all (socket error or timeout), noted under `step`. */
  addUnanswered(step: string, n: number) {
    if (!n) return;
    const s = this.steps.get(step) ?? new Step();
    this.steps.set(step, s);
    s.errors["no answer (socket error/timeout)"] = (s.errors["no answer (socket error/timeout)"] ?? 0) + n;
  }

  summary(): Record<string, StepSummary> {
    const seconds = this.seconds;
    return Object.fromEntries([...this.steps].map(([name, s]) => [name, s.summary(seconds)]));
  }
}

/** Nearest-rank percentile of sorted values, in ms with one decimal. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round(sorted[rank - 1] ?? 0, 1);
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
