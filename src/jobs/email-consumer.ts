import { z } from "zod";
import { log } from "../http/request-log";

export const emailMessageSchema = z.object({
  type: z.enum(["order.confirmed", "order.cancelled"]),
  orderId: z.uuid(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/**
 * Consumer of the email queue. A message that is not a valid `{type, orderId}` is logged and
 * acknowledged: retrying it could never succeed. Rendering and sending arrive with the orders
 * issue; until then valid messages are retried so none is lost.
 */
export async function consumeEmailBatch(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = emailMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      log("warn", "email message rejected", { messageId: message.id, issues: parsed.error.issues.length });
      message.ack();
      continue;
    }
    log("info", "email message deferred", { messageId: message.id, type: parsed.data.type });
    message.retry({ delaySeconds: 60 });
  }
}
