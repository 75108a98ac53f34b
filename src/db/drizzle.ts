/**
 * drizzle as the worker uses it, each name from the module that defines it, never from a package
 * index. The route groups load lazily (src/app.ts), so esbuild wraps their modules in initialisers,
 * and a wrapped index initialises everything it re-exports: through `drizzle-orm/pg-core` the bundle
 * carried every pg column type, views, sequences, roles… (docs/BENCHMARKS.md: cold start). The
 * worker's code imports drizzle from here (test/unit/drizzle-aliases.test.ts); add a name here when a
 * store needs one.
 */

export { check } from "drizzle-orm/pg-core/checks";
export { boolean } from "drizzle-orm/pg-core/columns/boolean";
export type { AnyPgColumn } from "drizzle-orm/pg-core/columns/common";
export { date } from "drizzle-orm/pg-core/columns/date";
export { integer } from "drizzle-orm/pg-core/columns/integer";
export { jsonb } from "drizzle-orm/pg-core/columns/jsonb";
export { numeric } from "drizzle-orm/pg-core/columns/numeric";
export { text } from "drizzle-orm/pg-core/columns/text";
export { timestamp } from "drizzle-orm/pg-core/columns/timestamp";
export { uuid } from "drizzle-orm/pg-core/columns/uuid";
export { varchar } from "drizzle-orm/pg-core/columns/varchar";
export { foreignKey } from "drizzle-orm/pg-core/foreign-keys";
export { index, uniqueIndex } from "drizzle-orm/pg-core/indexes";
export { primaryKey } from "drizzle-orm/pg-core/primary-keys";
export { pgTable } from "drizzle-orm/pg-core/table";
export { unique } from "drizzle-orm/pg-core/unique-constraint";
export {
  and,
  between,
  eq,
  exists,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
} from "drizzle-orm/sql/expressions/conditions";
export { asc, desc } from "drizzle-orm/sql/expressions/select";
export { count, max } from "drizzle-orm/sql/functions/aggregate";
export { type SQL, sql } from "drizzle-orm/sql/sql";
