import { depsOfEnv } from "../deps";
import { refundOrder } from "../orders/use-cases/refund-order";
import { runJobMessage } from "./job-message";
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
    messages.map((message) =>
      runJobMessage(message, refundRequestedSchema, "refund", async ({ orderId }) => {
        const result = await refundOrder(deps, { orderId, onFailure: "throw" });
        return { outcome: result.outcome };
      }),
    ),
  );
}
