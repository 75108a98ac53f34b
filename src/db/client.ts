import { NeonDbError, neon, neonConfig } from "@neondatabase/serverless";
import { drizzle, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import type { Config } from "../env";
import { trackCall } from "../http/server-timing";
import * as schema from "./schema";

export type Database = NeonHttpDatabase<typeof schema>;

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
    db = drizzle({ client: neon(config.DATABASE_URL), schema });
    databases.set(config, db);
  }
  return db;
}

/** SQLSTATE classes that mean "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;

/**
 * True when a database error says Postgres could not be reached (network, timeout, server down),
 * as opposed to a constraint or query error. Drizzle wraps driver errors, so walk the causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof NeonDbError) return !e.code || UNAVAILABLE_SQLSTATE.test(e.code);
    if (e.name === "TimeoutError" || e.name === "AbortError") return true;
    if (e instanceof TypeError && /fetch|network|connect/i.test(e.message)) return true;
  }
  return false;
}

/** The Postgres error code (e.g. 23505) and constraint behind a database error, if any. */
export function postgresErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof NeonDbError) return { code: e.code, constraint: e.constraint };
  }
  return undefined;
}
