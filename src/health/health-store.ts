import type { Database } from "../db/client";
import { sql } from "../db/drizzle";
import type { Config } from "../env";
import { redisOf } from "../redis/client";

/** The readiness probes: the cheapest call each backend answers (one round trip each). */
export const pingDatabase = (db: Database) => db.execute(sql`select 1`);

export const pingRedis = (config: Config) => redisOf(config).ping();
