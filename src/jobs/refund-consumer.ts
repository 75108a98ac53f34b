import { depsOfEnv } from "../deps";
import { log } from "../http/request-log";
import { refundOrder } from "../orders/use-cases/refund-order";
import { retryDelaySeconds } from "./email-consumer";
import { refundRequestedSchema } from "./messages";

/**
 * `refund.requested` messages: a refund whose provider call failed (or that the provider failed)
 * is tried again through the same idempotent use case. A failing call retries the message with
 * backoff; after max_retries it goes to the dead-letter queue, and the cron still finds the owed
 * refund on the order.
 */
export async function consumeRefundMessages(messages: readonly Message<unknown>[], env: Env): Promise<void> {
  if (messages.length === 0) return;
  const deps = depsOfEnv(env);
  await Promise.all(
    messages.map(async (message) => {
      const parsed = refundRequestedSchema.safeParse(message.body);
      if (!parsed.success) {
        message.ack();
        return;
      }
      const { orderId } = parsed.data;
      try {
        const result = await refundOrder(deps, { orderId, onFailure: "throw" });
        log("info", "refund message", { messageId: message.id, orderId, outcome: result.outcome });
        message.ack();
      } catch {
        const delaySeconds = retryDelaySeconds(message.attempts);
        log("warn", "refund retry failed, will retry", { messageId: message.id, orderId, delaySeconds });
        message.retry({ delaySeconds });
      }
    }),
  );
}
