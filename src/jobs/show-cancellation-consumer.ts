import { runShowCancellation } from "../admin/use-cases/run-show-cancellation";
import { depsOfEnv } from "../deps";
import { log } from "../http/request-log";
import { retryDelaySeconds } from "./email-consumer";
import { showCancellationSchema } from "./messages";

/**
 * `show.cancellation` messages: one step of a cancelled show's job each. While orders are left the
 * step queues the next message; a step that fails is retried with backoff and resumes where the
 * last one stopped (the job is idempotent: src/admin/use-cases/run-show-cancellation.ts).
 */
export async function consumeShowCancellationMessages(messages: readonly Message<unknown>[], env: Env): Promise<void> {
  if (messages.length === 0) return;
  const deps = depsOfEnv(env);
  for (const message of messages) {
    const parsed = showCancellationSchema.safeParse(message.body);
    if (!parsed.success) {
      message.ack();
      continue;
    }
    const { showId } = parsed.data;
    try {
      const step = await runShowCancellation(deps, { showId });
      if (step.outcome === "MORE_TO_DO") await deps.queue.send({ type: "show.cancellation", showId });
      log("info", "show cancellation step", { messageId: message.id, showId, ...step });
      message.ack();
    } catch (error) {
      const delaySeconds = retryDelaySeconds(message.attempts);
      log("warn", "show cancellation step failed, will resume", {
        messageId: message.id,
        showId,
        error: String(error),
        delaySeconds,
      });
      message.retry({ delaySeconds });
    }
  }
}
