import { AsyncLocalStorage } from "node:async_hooks";

/** The backends a request can touch; each gets one `Server-Timing` metric with its call count. */
export type Backend = "db" | "redis" | "queue" | "payments";

/**
 * Round trips and time spent per backend during one request. Published as `Server-Timing` so the
 * cost of every request (e.g. "1 Redis call, 0 database calls") can be read from outside.
 */
export class BackendTimings {
  readonly calls: Record<Backend, { count: number; ms: number }> = {
    db: { count: 0, ms: 0 },
    redis: { count: 0, ms: 0 },
    queue: { count: 0, ms: 0 },
    payments: { count: 0, ms: 0 },
  };
  /** Extra, non-backend metrics such as `cache;desc="hit"`. */
  readonly notes: string[] = [];
  /**
   * Sequential round trips to Redis and Postgres: calls that start while another is in flight
   * (a Redis script ∥ a transaction) share one. What a distance to the data multiplies.
   */
  private rounds = 0;
  private inFlight = 0;

  async track<T>(backend: Backend, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const toData = backend === "db" || backend === "redis";
    if (toData && this.inFlight++ === 0) this.rounds += 1;
    try {
      return await call();
    } finally {
      if (toData) this.inFlight -= 1;
      const entry = this.calls[backend];
      entry.count += 1;
      entry.ms += performance.now() - started;
    }
  }

  header(): string {
    const metrics = (Object.entries(this.calls) as [Backend, { count: number; ms: number }][])
      .filter(([, { count }]) => count > 0)
      .map(([name, { count, ms }]) => `${name};desc="${count} call${count === 1 ? "" : "s"}";dur=${ms.toFixed(1)}`);
    const rounds = this.rounds > 0 ? [`rtt;desc="${this.rounds} round trip${this.rounds === 1 ? "" : "s"}"`] : [];
    return [...metrics, ...rounds, ...this.notes].join(", ");
  }
}

// undefined: outside any request's ledger (untracked work).
const currentRequest = new AsyncLocalStorage<BackendTimings | undefined>();

/** Runs `work` with `timings` as the current request's ledger (clients record into it). */
export function withTimings<T>(timings: BackendTimings, work: () => Promise<T>): Promise<T> {
  return currentRequest.run(timings, work);
}

/**
 * Records one call to `backend` on the current request, if any. Clients that are global to the
 * isolate (the Neon driver's fetch) find the request through AsyncLocalStorage.
 */
export function trackCall<T>(backend: Backend, call: () => Promise<T>): Promise<T> {
  const timings = currentRequest.getStore();
  return timings ? timings.track(backend, call) : call();
}

/** Runs `work` outside any request's ledger: work after the answer is not part of its cost. */
export function untracked<T>(work: () => Promise<T>): Promise<T> {
  return currentRequest.run(undefined, work);
}
