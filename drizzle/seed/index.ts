/**
 * Loads the sample catalog (drizzle/seed/catalog.ts) into Postgres.
 *
 * Idempotent: every id is deterministic and every insert is ON CONFLICT DO NOTHING, so running it
 * twice adds nothing and running it on a later day only adds the new days' shows. Existing rows are
 * never changed. One transaction, batched inserts. It neither creates the database nor migrates it.
 *
 *   DATABASE_URL=postgres://... npx tsx drizzle/seed/index.ts
 */
import { pathToFileURL } from "node:url";
import { getTableColumns, type Table } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../src/db/schema";
import { buildShows, MOVIES, SCREENS, SEAT_LAYOUTS, THEATRES } from "./catalog";

export interface SeedResult {
  /** Rows this run inserted (0 for rows that were already there). */
  movies: number;
  theatres: number;
  layouts: number;
  shows: number;
}

export interface SeedOptions {
  /** "Today" for the week of shows (defaults to the current time). */
  now?: Date;
  log?: (line: string) => void;
}

/** Rows per INSERT statement (well under Postgres' 65,535 bind parameters). */
const BATCH = 500;

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Each seed item's fields that are the table's columns: the seed carries more (keys, palettes, screens). */
function rowsOf<T extends Table>(table: T, items: readonly T["$inferInsert"][]): T["$inferInsert"][] {
  const columns = Object.keys(getTableColumns(table));
  return items.map((item) => Object.fromEntries(columns.filter((c) => c in item).map((c) => [c, item[c]])));
}

export async function seedDatabase(databaseUrl: string, opts: SeedOptions = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});

  const movieRows = rowsOf(schema.movies, MOVIES);
  const theatreRows = rowsOf(schema.theatres, THEATRES);
  const layoutRows = rowsOf(schema.seatLayouts, SEAT_LAYOUTS);
  const showRows = rowsOf(schema.shows, buildShows(now));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const db = drizzle(client, { schema });
    const result = await db.transaction(async (tx) => {
      const insertAll = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown[]>): Promise<number> => {
        let inserted = 0;
        for (const batch of chunks(rows)) inserted += (await insert(batch)).length;
        return inserted;
      };
      const movies = await insertAll(movieRows, (b) =>
        tx.insert(schema.movies).values(b).onConflictDoNothing().returning({ id: schema.movies.id }),
      );
      const theatres = await insertAll(theatreRows, (b) =>
        tx.insert(schema.theatres).values(b).onConflictDoNothing().returning({ id: schema.theatres.id }),
      );
      await tx.insert(schema.screens).values(SCREENS).onConflictDoNothing();
      const layouts = await insertAll(layoutRows, (b) =>
        tx.insert(schema.seatLayouts).values(b).onConflictDoNothing().returning({ id: schema.seatLayouts.id }),
      );
      const shows = await insertAll(showRows, (b) =>
        tx.insert(schema.shows).values(b).onConflictDoNothing().returning({ id: schema.shows.id }),
      );
      return { movies, theatres, layouts, shows };
    });
    log(
      `seed: movies +${result.movies}/${movieRows.length}, theatres +${result.theatres}/${theatreRows.length}, ` +
        `seat layouts +${result.layouts}/${layoutRows.length}, shows +${result.shows}/${showRows.length} ` +
        `(${showRows[0]?.startTime.slice(0, 10) ?? "-"} … ${showRows.at(-1)?.startTime.slice(0, 10) ?? "-"})`,
    );
    return result;
  } finally {
    await client.end();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set");
    process.exit(1);
  }
  seedDatabase(url, { log: (line) => console.log(line) }).then(
    (counts) => console.log(JSON.stringify(counts)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
