import { app } from "./app";
import { consumeEmailBatch, type EmailMessage } from "./jobs/email-consumer";
import { runScheduledJobs } from "./jobs/scheduled";

/** One worker, three entry points (docs/API.md: the API + web UI, the cron, the email queue). */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    await runScheduledJobs(controller, env, ctx);
  },
  queue: (batch, env) => consumeEmailBatch(batch, env),
} satisfies ExportedHandler<Env, EmailMessage>;
