/**
 * Stands in for drizzle-orm/pg-core/index.js in the worker's build (wrangler.toml `alias`): the Neon
 * HTTP session imports PgTransaction alone from it, and through the index the bundle carried all of
 * pg-core (views, sequences, roles…; docs/BENCHMARKS.md: cold start). A module of its own, not with
 * the column stand-ins: pg-core's db.js reaches those through its dialect, and must be evaluated
 * before session.js (PgTransaction extends PgDatabase).
 */
export { PgTransaction } from "drizzle-orm/pg-core/session";
