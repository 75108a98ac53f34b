/**
 * What a database error means, without the driver: the error handler (loaded with every isolate)
 * imports these, and Neon's client (the largest module of the bundle) loads with the first query.
 * Neon's `NeonDbError` is recognised by its name, which the driver sets on every instance.
 */
interface NeonDbErrorFields extends Error {
  code?: string;
  constraint?: string;
}

const isNeonDbError = (e: Error): e is NeonDbErrorFields => e.name === "NeonDbError";

/** SQLSTATE classes that mean "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;

/**
 * True when a database error says Postgres could not be reached (network, timeout, server down),
 * as opposed to a constraint or query error. Drizzle wraps driver errors, so walk the causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isNeonDbError(e)) return !e.code || UNAVAILABLE_SQLSTATE.test(e.code);
    if (e.name === "TimeoutError" || e.name === "AbortError") return true;
    if (e instanceof TypeError && /fetch|network|connect/i.test(e.message)) return true;
  }
  return false;
}

/** The Postgres error code (e.g. 23505) and constraint behind a database error, if any. */
export function postgresErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isNeonDbError(e)) return { code: e.code, constraint: e.constraint };
  }
  return undefined;
}
