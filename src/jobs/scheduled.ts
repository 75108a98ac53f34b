import { log } from "../http/request-log";

/**
 * The every-minute cron. Order expiry, stale-hold cleanup and Redis repair are added with the
 * orders issue; each task must stay idempotent and safe when two runs overlap.
 */
export async function runScheduledJobs(controller: ScheduledController, _env: Env, _ctx: ExecutionContext) {
  log("info", "cron", { cron: controller.cron, scheduledTime: new Date(controller.scheduledTime).toISOString() });
}
