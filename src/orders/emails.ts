import { trackCall } from "../http/server-timing";
import type { EmailMessage } from "../jobs/email-consumer";

/** Queues a booking email; the queue consumer renders and sends it, retrying on its own. */
export function enqueueEmail(env: Env, message: EmailMessage): Promise<void> {
  return trackCall("queue", async () => {
    await env.EMAIL_QUEUE.send(message, { contentType: "json" });
  });
}
