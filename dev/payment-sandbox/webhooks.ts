/**
 * Webhook delivery as Stripe does it: each event is POSTed to every endpoint subscribed to its
 * type, as pretty-printed JSON, signed `Stripe-Signature: t=<now>,v1=<HMAC-SHA256 of "t.body">`
 * (re-signed on every attempt), in the background, independently per event (so no order is
 * promised), and retried with backoff until a 2xx or the schedule runs out.
 *
 * Test switches: `delayMs` (before each first attempt), `copies` (each event delivered N times,
 * each copy its own retry chain), `reorderNext` (hold the next N events, then deliver them in
 * reverse order; `flush()` releases a partial batch), `dropNext` (the next N attempts are lost;
 * `dropMode: "request"` never reaches the endpoint, `"response"` reaches it but the answer is
 * lost). A dropped attempt counts as failed and is retried like any other, because that is what
 * Stripe does when it gets no 2xx: a lost delivery is late, never gone, unless retries run out.
 */
import { createHmac } from "node:crypto";
import type { SandboxEvent } from "./objects.ts";

export interface Endpoint {
  url: string;
  secret: string;
  /** Event types to send (`["*"]`: all), as a Stripe endpoint's `enabled_events`. */
  events: string[];
}

export interface DeliverySwitches {
  delayMs: number;
  copies: number;
  reorderNext: number;
  dropNext: number;
  dropMode: "request" | "response";
  /** Wait before each retry; its length is the number of retries (Stripe: up to 3 days). */
  retryDelaysMs: number[];
  timeoutMs: number;
}

export interface DeliveryAttempt {
  eventId: string;
  type: string;
  endpoint: string;
  copy: number;
  attempt: number;
  at: number;
  /** The endpoint's HTTP status; null when no answer arrived (network error, timeout, dropped). */
  status: number | null;
  error: string | null;
  dropped: boolean;
  /** No further attempt follows this one (delivered, or retries exhausted). */
  final: boolean;
}

export const defaultSwitches = (): DeliverySwitches => ({
  delayMs: 0,
  copies: 1,
  reorderNext: 0,
  dropNext: 0,
  dropMode: "request",
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000, 600_000],
  timeoutMs: 10_000,
});

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export class WebhookDispatcher {
  endpoints: Endpoint[] = [];
  switches = defaultSwitches();
  readonly attempts: DeliveryAttempt[] = [];
  private held: SandboxEvent[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private generation = 0; // bumped by reset: attempts of an older generation stop

  constructor(private readonly log: (line: string) => void) {}

  enqueue(event: SandboxEvent): void {
    if (this.switches.reorderNext > 0) {
      this.held.push(event);
      this.switches.reorderNext--;
      if (this.switches.reorderNext === 0) this.flush();
      return;
    }
    this.release(event);
  }

  /** Releases held events, newest first. */
  flush(): number {
    const held = this.held.reverse();
    this.held = [];
    for (const event of held) this.release(event);
    return held.length;
  }

  /** Deliveries scheduled, running or held. */
  get pending(): number {
    return this.timers.size + this.inFlight + this.held.length;
  }

  reset(endpoints: Endpoint[]): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.held = [];
    this.attempts.length = 0;
    this.switches = defaultSwitches();
    this.endpoints = endpoints;
  }

  private release(event: SandboxEvent): void {
    const payload = JSON.stringify(event, null, 2);
    for (const endpoint of this.endpoints) {
      if (!endpoint.events.includes("*") && !endpoint.events.includes(event.type)) continue;
      for (let copy = 1; copy <= this.switches.copies; copy++) {
        this.schedule(this.switches.delayMs, () => this.attempt(event, payload, endpoint, copy, 1));
      }
    }
  }

  private async attempt(event: SandboxEvent, payload: string, endpoint: Endpoint, copy: number, n: number) {
    const generation = this.generation;
    const dropped = this.switches.dropNext > 0;
    if (dropped) this.switches.dropNext--;
    const dropMode = this.switches.dropMode;
    const record: DeliveryAttempt = {
      eventId: event.id,
      type: event.type,
      endpoint: endpoint.url,
      copy,
      attempt: n,
      at: Date.now(),
      status: null,
      error: null,
      dropped,
      final: false,
    };
    if (dropped && dropMode === "request") {
      record.error = "dropped: the request was lost before it reached the endpoint";
    } else {
      this.inFlight++;
      try {
        const res = await fetch(endpoint.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature": signPayload(payload, endpoint.secret),
          },
          body: payload,
          signal: AbortSignal.timeout(this.switches.timeoutMs),
        });
        await res.arrayBuffer().catch(() => {});
        if (dropped) record.error = `dropped: the endpoint answered ${res.status} but the answer was lost`;
        else record.status = res.status;
      } catch (error) {
        record.error =
          error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      } finally {
        this.inFlight--;
      }
    }
    if (generation !== this.generation) return;
    this.attempts.push(record);
    const delivered = record.status !== null && record.status >= 200 && record.status < 300;
    const retryIn = this.switches.retryDelaysMs[n - 1];
    record.final = delivered || retryIn === undefined;
    if (!delivered) {
      const outcome = record.status !== null ? `HTTP ${record.status}` : record.error;
      const next = retryIn === undefined ? "giving up" : `retry in ${retryIn} ms`;
      this.log(`webhook ${event.type} ${event.id} → ${endpoint.url}: ${outcome} (attempt ${n}, ${next})`);
      if (retryIn !== undefined) this.schedule(retryIn, () => this.attempt(event, payload, endpoint, copy, n + 1));
    }
  }

  private schedule(ms: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, ms);
    this.timers.add(timer);
  }
}
