import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { type Database, databaseOf } from "./db/client";
import type { Config } from "./env";
import { configOf } from "./env";
import { log } from "./http/request-log";
import { trackCall, untracked } from "./http/server-timing";
import type { QueueMessage } from "./jobs/messages";
import { enqueueEmail } from "./orders/emails";
import { createStripeClient, type StripeClient } from "./payments/stripe-client";
import { type SeatStore, seatStoreOf } from "./seats/seat-store";

/**
 * What a use case may touch, passed explicitly (README: use cases). A route, the cron, the queue
 * consumer and — later — the payment webhook and the back office build these the same way, so
 * they all run the same decisions; tests can hand in another clock.
 */
export interface Deps {
  db: Database;
  seats: SeatStore;
  clock: Clock;
  config: Config;
  queue: EmailQueue;
  /** The payment provider (Stripe; locally the payment sandbox). */
  payments: StripeClient;
  /**
   * Work the answer need not wait for (`waitUntil`): only what a repair redoes if it is lost (the
   * cron rebuilds Redis from Postgres; a stored checkout session is re-read from Stripe by its
   * idempotency key). A failure is logged.
   */
  afterResponse(what: string, task: () => Promise<unknown>): void;
}

export interface Clock {
  now(): Date;
}

export interface EmailQueue {
  send(message: QueueMessage): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/** The dependencies of one worker invocation (request, cron run, queue batch). */
export function depsOfEnv(env: Env, config: Config = configOf(env), ctx?: Pick<ExecutionContext, "waitUntil">): Deps {
  return {
    afterResponse: (what, task) => {
      const done = untracked(task).catch((error: unknown) =>
        log("warn", `${what}: failed after the answer`, { error: String(error) }),
      );
      ctx?.waitUntil(done);
    },
    db: databaseOf(config),
    seats: seatStoreOf(config),
    clock: systemClock,
    config,
    queue: { send: (message) => enqueueEmail(env, message) },
    payments: createStripeClient({
      apiBase: config.STRIPE_API_BASE,
      secretKey: config.STRIPE_SECRET_KEY,
      // Each provider call counts in the request's Server-Timing, as database and Redis calls do.
      fetch: (input, init) => trackCall("payments", () => fetch(input, init)),
      timeoutMs: config.BACKEND_TIMEOUT_MS,
    }),
  };
}

/** The dependencies of a request (its config is parsed once per isolate by the request context). */
export const depsOf = <E extends AppEnv>(c: Context<E>): Deps => depsOfEnv(c.env, c.var.config, c.executionCtx);
