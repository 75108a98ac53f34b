import { consumeEmailBatch } from "./email-consumer";
import { isRefundRequest, isShowCancellation } from "./messages";
import { consumeRefundMessages } from "./refund-consumer";
import { consumeShowCancellationMessages } from "./show-cancellation-consumer";

/**
 * The queue carries booking emails, refund retries and cancelled shows' jobs; each message goes to
 * its own consumer. Message bodies are `QueueMessage`s (./messages.ts), validated by each consumer.
 */
export async function consumeQueueBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const refunds = batch.messages.filter((m) => isRefundRequest(m.body));
  const cancellations = batch.messages.filter((m) => isShowCancellation(m.body));
  const emails = batch.messages.filter((m) => !isRefundRequest(m.body) && !isShowCancellation(m.body));
  await Promise.all([
    consumeRefundMessages(refunds, env),
    consumeShowCancellationMessages(cancellations, env),
    emails.length > 0 ? consumeEmailBatch({ ...batch, messages: emails }, env) : undefined,
  ]);
}
