import { trackCall } from "../http/server-timing";
import type { QueueMessage } from "../jobs/messages";

/** Queues a booking email or a refund retry; the queue consumer handles it, retrying on its own. */
export function enqueueEmail(env: Env, message: QueueMessage): Promise<void> {
  return trackCall("queue", async () => {
    await env.EMAIL_QUEUE.send(message, { contentType: "json" });
  });
}
