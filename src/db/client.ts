import { neon, neonConfig } from "@neondatabase/serverless";
import { drizzle, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import type { Config } from "../env";
import { trackCall } from "../http/server-timing";
/**
 * No relational `schema` passed to drizzle: nothing uses `db.query`, and with one drizzle builds the
 * relational config of every table on the first query of each isolate. Stores import their tables.
 */
export type Database = NeonHttpDatabase;

const databases = new WeakMap<Config, Database>();

/**
 * The worker's Postgres: Neon's HTTP driver, one HTTPS round trip per query (a transaction is one
 * batch), no connection handshake per request. Every fetch is timed into `Server-Timing` and
 * abandoned after BACKEND_TIMEOUT_MS so no request hangs on a slow database.
 */
export function databaseOf(config: Config): Database {
  let db = databases.get(config);
  if (!db) {
    // Locally the dev bridge stands in for Neon's endpoint; in production this stays Neon's default.
    if (config.NEON_FETCH_ENDPOINT) neonConfig.fetchEndpoint = config.NEON_FETCH_ENDPOINT;
    neonConfig.fetchFunction = (input: RequestInfo, init?: RequestInit) =>
      trackCall("db", () => fetch(input, { ...init, signal: AbortSignal.timeout(config.BACKEND_TIMEOUT_MS) }));
    db = drizzle({ client: neon(config.DATABASE_URL) });
    databases.set(config, db);
  }
  return db;
}

// Classifying errors needs no driver: the error handler imports them without loading Neon's client.
export { isDatabaseUnavailable, postgresErrorOf } from "./errors";
