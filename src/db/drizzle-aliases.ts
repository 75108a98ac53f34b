/**
 * Stands in for three of drizzle's own modules in the worker's build (wrangler.toml `alias`), so the
 * bundle carries what the worker uses rather than all of pg-core (docs/BENCHMARKS.md: cold start):
 * - `./columns/all.js` (imported by pg-core/table.js) hands `pgTable(name, (t) => …)`, the callback
 *   form, every pg column type (inet, geometry, vector…). The worker's tables pass their columns as
 *   an object (test/unit/drizzle-aliases.test.ts holds them to it), so nothing calls it.
 * - `../pg-core/index.js` (imported by neon-http/session.js for PgTransaction alone) and
 *   `./columns/index.js` (pg-core's dialect.js and indexes.js, for the column classes below) are
 *   indexes; in the lazily loaded route groups' wrapped modules each initialises all it re-exports.
 * A drizzle upgrade that imports another name from them fails the build (no such export), loudly.
 * The tests (vite) resolve drizzle's real modules: these change no behaviour the worker has.
 */
export { IndexedColumn, PgColumn } from "drizzle-orm/pg-core/columns/common";
export { PgDate, PgDateString } from "drizzle-orm/pg-core/columns/date";
export { PgJson } from "drizzle-orm/pg-core/columns/json";
export { PgJsonb } from "drizzle-orm/pg-core/columns/jsonb";
export { PgNumeric } from "drizzle-orm/pg-core/columns/numeric";
export { PgTime } from "drizzle-orm/pg-core/columns/time";
export { PgTimestamp, PgTimestampString } from "drizzle-orm/pg-core/columns/timestamp";
export { PgUUID } from "drizzle-orm/pg-core/columns/uuid";
export { PgTransaction } from "drizzle-orm/pg-core/session";

export function getPgColumnBuilders(): never {
  throw new Error("pgTable's callback form is not built into the worker: pass the columns as an object");
}
