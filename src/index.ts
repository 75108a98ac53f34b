import { app } from "./app";

/**
 * One worker, three entry points (docs/API.md: the API + web UI, the cron, the queue). The cron's and
 * the queue's code is loaded when they first run, as the API's route groups are (src/app.ts): an
 * isolate starting for a request evaluates neither (docs/BENCHMARKS.md: cold start).
 */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    const { runScheduledJobs } = await import("./jobs/scheduled");
    await runScheduledJobs(controller, env, ctx);
  },
  queue: async (batch, env) => {
    const { consumeQueueBatch } = await import("./jobs/queue-consumer");
    await consumeQueueBatch(batch, env);
  },
  // Message bodies are `QueueMessage`s (jobs/messages.ts), validated by each consumer: typed unknown here.
} satisfies ExportedHandler<Env, unknown>;
