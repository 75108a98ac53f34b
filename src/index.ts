import { app } from "./app";
import { consumeEmailBatch } from "./jobs/email-consumer";
import { isRefundRequest, isShowCancellation } from "./jobs/messages";
import { consumeRefundMessages } from "./jobs/refund-consumer";
import { runScheduledJobs } from "./jobs/scheduled";
import { consumeShowCancellationMessages } from "./jobs/show-cancellation-consumer";

/**
 * One worker, three entry points (docs/API.md: the API + web UI, the cron, the queue). The queue
 * carries booking emails, refund retries and cancelled shows' jobs; each message goes to its own consumer.
 */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    await runScheduledJobs(controller, env, ctx);
  },
  queue: async (batch, env) => {
    const refunds = batch.messages.filter((m) => isRefundRequest(m.body));
    const cancellations = batch.messages.filter((m) => isShowCancellation(m.body));
    const emails = batch.messages.filter((m) => !isRefundRequest(m.body) && !isShowCancellation(m.body));
    await Promise.all([
      consumeRefundMessages(refunds, env),
      consumeShowCancellationMessages(cancellations, env),
      emails.length > 0 ? consumeEmailBatch({ ...batch, messages: emails }, env) : undefined,
    ]);
  },
  // Message bodies are `QueueMessage`s (jobs/messages.ts), validated by each consumer: typed unknown here.
} satisfies ExportedHandler<Env, unknown>;
