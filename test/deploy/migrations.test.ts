import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { statementsOf, unsafeStatements } from "../../deploy/migration-safety";
import { ensureDatabase } from "../../dev/local-stack.ts";
import { seedDatabase } from "../../drizzle/seed/index.ts";
import { withDatabase } from "../support/database.ts";

/**
 * Migrations production can take (docs/DEPLOY.md: migrations): every migration, applied in order to
 * a database that already holds the seeded catalog and bookings, succeeds and loses no row; and no
 * migration does what would break the version still serving traffic (add → backfill → switch).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "drizzle");
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as {
  entries: { idx: number; tag: string; when: number }[];
};
const tags = journal.entries.map((e) => e.tag);
const sqlOf = (tag: string) => readFileSync(path.join(MIGRATIONS, `${tag}.sql`), "utf8");

/** A database of this run's own, next to the test database (dropped first if a run left it). */
function databaseUrl(suffix: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `${url.pathname.slice(1)}_${suffix}`;
  return url.toString();
}

/** Applies migrations with drizzle's migrator, as `npm run db:migrate` does: all, or the first `count`. */
async function applyMigrations(url: string, count = tags.length): Promise<void> {
  let folder = MIGRATIONS;
  if (count < tags.length) {
    folder = mkdtempSync(path.join(tmpdir(), "housefull-migrations-"));
    cpSync(MIGRATIONS, folder, { recursive: true });
    writeFileSync(
      path.join(folder, "meta/_journal.json"),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
    );
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: folder, migrationsSchema: "public" });
  } finally {
    await pool.end();
    if (folder !== MIGRATIONS) rmSync(folder, { recursive: true, force: true });
  }
}

const tablesOf = (client: pg.Client) =>
  client
    .query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__drizzle_migrations'`,
    )
    .then((r) => new Set(r.rows.map((row) => row.table_name)));

/** Every table's rows as JSON: the data a live database holds. */
type Snapshot = Map<string, unknown[]>;
let snapshot: Snapshot;
const created: string[] = [];

beforeAll(async () => {
  const url = databaseUrl("replay_source");
  created.push(url);
  await ensureDatabase(url, { reset: true });
  await applyMigrations(url);
  await seedDatabase(url, {});
  snapshot = await withDatabase(url, async (client) => {
    await client.query(readFileSync(new URL("./fixtures/bookings.sql", import.meta.url), "utf8"));
    const rows: Snapshot = new Map();
    for (const table of await tablesOf(client)) {
      const result = await client.query<{ rows: unknown[] | null }>(`SELECT json_agg(t) AS rows FROM "${table}" t`);
      rows.set(table, result.rows[0]?.rows ?? []);
    }
    return rows;
  });
}, 120_000);

afterAll(async () => {
  for (const url of created) {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = "/postgres";
    await withDatabase(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}, 120_000);

describe("every migration, over a database already holding data", () => {
  it("the source holds the seeded catalog and bookings in the tables migrations alter", () => {
    for (const table of ["movies", "theatres", "shows", "orders", "order_seats", "users", "sessions", "checkins"]) {
      expect(snapshot.get(table)?.length ?? 0, table).toBeGreaterThan(0);
    }
  });

  // Migration 0 creates the schema on an empty database; each later one meets data.
  it.each(tags.slice(1).map((tag, i) => [tag, i + 1] as const))(
    "%s applies over the data of the schema before it, and no row is lost",
    async (_tag, index) => {
      const url = databaseUrl(`replay_${index}`);
      created.push(url);
      await ensureDatabase(url, { reset: true });
      await applyMigrations(url, index);
      const before = await withDatabase(url, async (client) => {
        const tables = await tablesOf(client);
        // Every row of the source, in the columns this older schema has (foreign keys checked at the end).
        await client.query("BEGIN");
        await client.query("SET LOCAL session_replication_role = replica");
        for (const table of tables) {
          const rows = snapshot.get(table) ?? [];
          if (rows.length === 0) continue;
          await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1)`, [
            JSON.stringify(rows),
          ]);
        }
        await client.query("COMMIT");
        return tables;
      });

      await applyMigrations(url); // the rest, as production would run them: must not fail on this data

      await withDatabase(url, async (client) => {
        for (const table of before) {
          const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
          expect(Number(rows[0]?.n), `rows of ${table}`).toBe(snapshot.get(table)?.length ?? 0);
        }
        const applied = await client.query("SELECT count(*)::int AS n FROM __drizzle_migrations");
        expect(applied.rows[0]?.n).toBe(tags.length);
      });
    },
    60_000,
  );
});

describe("add → backfill → switch: nothing breaks the version still running", () => {
  it("no migration drops, renames, retypes or tightens what existed before it (unless marked a contract step)", async () => {
    const url = databaseUrl("replay_lint");
    created.push(url);
    await ensureDatabase(url, { reset: true });
    const findings: string[] = [];
    for (const [index, tag] of tags.entries()) {
      const tablesBefore = await withDatabase(url, tablesOf);
      for (const f of unsafeStatements(sqlOf(tag), tablesBefore)) findings.push(`${tag}: ${f.problem}`);
      await applyMigrations(url, index + 1);
    }
    expect(findings).toEqual([]);
  }, 60_000);

  it("the rule catches each kind of unsafe change, and a marked contract step passes", () => {
    const existing = new Set(["orders", "shows"]);
    const unsafe = [
      'ALTER TABLE "orders" ADD COLUMN "channel" varchar(20) NOT NULL;',
      'ALTER TABLE "orders" DROP COLUMN "payment_session_url";',
      'ALTER TABLE "orders" RENAME COLUMN "amount" TO "total";',
      'ALTER TABLE "shows" ALTER COLUMN "price" SET DATA TYPE integer;',
      'ALTER TABLE "shows" ALTER COLUMN "layout_id" SET NOT NULL;',
      'DROP TABLE "shows";',
    ].join("--> statement-breakpoint\n");
    expect(unsafeStatements(unsafe, existing).map((f) => f.problem)).toEqual([
      "adds orders.channel NOT NULL without a DEFAULT: existing rows and the running version's inserts fail",
      "drops orders.payment_session_url, which the running version still reads or writes",
      "renames orders.amount under the running version (add the new one, backfill, switch)",
      "changes the type of shows.price: a table rewrite under lock, and the running version's writes may no longer fit",
      "makes shows.layout_id NOT NULL while the running version may still write NULL",
      "drops table shows, which the running version still reads",
    ]);
    const safe = [
      'ALTER TABLE "orders" ADD COLUMN "channel" varchar(20) DEFAULT \'web\' NOT NULL;',
      'ALTER TABLE "orders" ADD COLUMN "note" text;',
      'CREATE TABLE "screens" ("screen_id" uuid PRIMARY KEY NOT NULL);',
      'ALTER TABLE "screens" ADD COLUMN "name" text NOT NULL;',
    ].join("--> statement-breakpoint\n");
    expect(unsafeStatements(safe, existing)).toEqual([]);
    const contract = `-- contract: v1.4 stopped reading payment_session_url; v1.5 is live everywhere\n${unsafe}`;
    expect(unsafeStatements(contract, existing)).toEqual([]);
    expect(statementsOf(unsafe)).toHaveLength(6);
  });
});

describe("the catalog search", () => {
  it("is answered from the trigram index, not a scan of every movie", async () => {
    const plan = await withDatabase(inject("databaseUrl"), async (client) => {
      await client.query("SET enable_seqscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT movie_id FROM movies
         WHERE $1 <% movie_search_document(title, genres, languages)`,
        ["thriler"],
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("movies_search_trgm");
  });
});
