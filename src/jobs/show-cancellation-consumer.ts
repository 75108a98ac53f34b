import { runShowCancellation } from "../admin/use-cases/run-show-cancellation";
import { depsOfEnv } from "../deps";
import { runJobMessage } from "./job-message";
import { showCancellationSchema } from "./messages";

/**
 * `show.cancellation` messages: one step of a cancelled show's job each. While orders are left the
 * step queues the next message; a step that fails is retried with backoff and resumes where the
 * last one stopped (the job is idempotent: src/admin/use-cases/run-show-cancellation.ts).
 */
export async function consumeShowCancellationMessages(messages: readonly Message<unknown>[], env: Env): Promise<void> {
  if (messages.length === 0) return;
  const deps = depsOfEnv(env);
  // One after another: a step may queue the next one for the same show.
  for (const message of messages) {
    await runJobMessage(message, showCancellationSchema, "show cancellation step", async ({ showId }) => {
      const step = await runShowCancellation(deps, { showId });
      if (step.outcome === "MORE_TO_DO") await deps.queue.send({ type: "show.cancellation", showId });
      return step;
    });
  }
}
