/**
 * Stands in for two of drizzle's own modules in the worker's build (wrangler.toml `alias`), so the
 * bundle carries what the worker uses rather than all of pg-core (docs/BENCHMARKS.md: cold start):
 * - `./columns/all.js` (imported by pg-core/table.js) hands `pgTable(name, (t) => …)`, the callback
 *   form, every pg column type (inet, geometry, vector…). The worker's tables pass their columns as
 *   an object (test/unit/drizzle-aliases.test.ts holds them to it), so nothing calls it.
 * - `./columns/index.js` (pg-core's dialect.js and indexes.js, for the column classes below) is the
 *   columns' index; in the lazily loaded route groups' wrapped modules it initialises all it
 *   re-exports. (pg-core's own index has a stand-in of its own: drizzle-transaction-alias.ts.)
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

export function getPgColumnBuilders(): never {
  throw new Error("pgTable's callback form is not built into the worker: pass the columns as an object");
}
