import { databaseOf } from "../db/client";
import { depsOfEnv } from "../deps";
import { configOf } from "../env";
import { log } from "../http/request-log";
import { seatStoreOf } from "../seats/seat-store";
import { repairSeatState } from "../seats/use-cases/repair-seat-state";
import { expireOverdueOrders } from "./order-expiry";

/**
 * The every-minute cron (SPEC flow 4). Each task is idempotent and safe when two runs overlap;
 * correctness never waits for it (deadlines are checked where they are read) — it keeps Redis
 * tidy and heals it from Postgres. Stale holds need no sweep: every hold key carries a TTL.
 */
export async function runScheduledJobs(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const config = configOf(env);
  const db = databaseOf(config);
  const started = Date.now();
  const expiry = await expireOverdueOrders(db, seatStoreOf(config));
  const repair = await repairSeatState(depsOfEnv(env, config));
  log("info", "cron", { cron: controller.cron, ms: Date.now() - started, ...expiry, ...repair });
  return { ...expiry, ...repair };
}
