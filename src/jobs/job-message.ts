import type * as z from "zod/mini";
import { log } from "../http/request-log";
import { retryDelaySeconds } from "./email-consumer";

/**
 * One message of a job queue (refunds, show cancellations), handled as every job consumer here
 * handles it: a body that is not the job's is acked and dropped (no retry can mend it); work done
 * acks it, logging what it did; work that throws retries it with the consumers' backoff (after
 * max_retries it goes to the dead-letter queue, and the cron finds what is left).
 */
export async function runJobMessage<T extends object>(
  message: Message<unknown>,
  schema: z.ZodMiniType<T>,
  what: string,
  work: (body: T) => Promise<Record<string, unknown>>,
): Promise<void> {
  const parsed = schema.safeParse(message.body);
  if (!parsed.success) return message.ack();
  try {
    const done = await work(parsed.data);
    log("info", what, { messageId: message.id, ...parsed.data, ...done });
    message.ack();
  } catch (error) {
    const delaySeconds = retryDelaySeconds(message.attempts);
    log("warn", `${what} failed, will retry`, {
      messageId: message.id,
      ...parsed.data,
      error: String(error),
      delaySeconds,
    });
    message.retry({ delaySeconds });
  }
}
