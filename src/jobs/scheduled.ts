import { depsOfEnv } from "../deps";
import { log } from "../http/request-log";
import { expireOverdueOrders } from "../orders/use-cases/expire-overdue-orders";
import { repairSeatState } from "../seats/use-cases/repair-seat-state";

/**
 * The every-minute cron (SPEC flow 4). Each task is idempotent and safe when two runs overlap;
 * correctness never waits for it (deadlines are checked where they are read) — it keeps Redis
 * tidy and heals it from Postgres. Stale holds need no sweep: every hold key carries a TTL.
 */
export async function runScheduledJobs(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const deps = depsOfEnv(env);
  const started = Date.now();
  const expiry = await expireOverdueOrders(deps);
  const repair = await repairSeatState(deps);
  log("info", "cron", { cron: controller.cron, ms: Date.now() - started, ...expiry, ...repair });
  return { ...expiry, ...repair };
}
