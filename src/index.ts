import { app } from "./app";
import { isRefundRequest } from "./jobs/messages";

// The cron and the queue consumers run in invocations of their own: their code (email rendering, the
// ticket's QR PNG, the MIME builder, refunds, the cron's jobs) is evaluated when they first run, not
// at the start of every isolate that only serves requests (docs/BENCHMARKS.md: cold start).
const scheduledJobs = () => import("./jobs/scheduled");
const emailConsumer = () => import("./jobs/email-consumer");
const refundConsumer = () => import("./jobs/refund-consumer");

/**
 * One worker, three entry points (docs/API.md: the API + web UI, the cron, the queue). The queue
 * carries booking emails and refund retries; each message goes to its own consumer.
 */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    const { runScheduledJobs } = await scheduledJobs();
    await runScheduledJobs(controller, env, ctx);
  },
  queue: async (batch, env) => {
    const refunds = batch.messages.filter((m) => isRefundRequest(m.body));
    const emails = batch.messages.filter((m) => !isRefundRequest(m.body));
    await Promise.all([
      refundConsumer().then(({ consumeRefundMessages }) => consumeRefundMessages(refunds, env)),
      emails.length > 0
        ? emailConsumer().then(({ consumeEmailBatch }) => consumeEmailBatch({ ...batch, messages: emails }, env))
        : undefined,
    ]);
  },
  // Message bodies are `QueueMessage`s (jobs/messages.ts), validated by each consumer: typed unknown here.
} satisfies ExportedHandler<Env, unknown>;
