import { depsOfEnv } from "../deps";
import { log } from "../http/request-log";
import { restoreEndedAdmissions } from "../onsale/use-cases/restore-ended-admissions";
import { closePaymentSessions } from "../orders/use-cases/close-payment-sessions";
import { expireOverdueOrders } from "../orders/use-cases/expire-overdue-orders";
import { retryUnsentRefunds } from "../orders/use-cases/retry-unsent-refunds";
import { repairSeatState } from "../seats/use-cases/repair-seat-state";

/**
 * The every-minute cron (docs/API.md: Flows, expiry). Each task is idempotent and safe when two runs overlap;
 * correctness never waits for it (deadlines are checked where they are read) — it keeps Redis
 * tidy and heals it from Postgres. Stale holds need no sweep: every hold key carries a TTL.
 * Expired and cancelled orders' checkout sessions are closed at the provider (a failure is
 * retried next run), refunds the provider never accepted are tried again, and the waiting rooms'
 * ended admissions are put back from the paid orders.
 */
export async function runScheduledJobs(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const deps = depsOfEnv(env);
  const started = Date.now();
  const expiry = await expireOverdueOrders(deps);
  const sessions = await closePaymentSessions(deps);
  const refunds = await retryUnsentRefunds(deps);
  const repair = await repairSeatState(deps);
  const admissions = await restoreEndedAdmissions(deps);
  const summary = { ...expiry, ...sessions, ...refunds, ...repair, ...admissions };
  log("info", "cron", { cron: controller.cron, ms: Date.now() - started, ...summary });
  return summary;
}
