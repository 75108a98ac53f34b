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
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../src/db/schema";
import { buildShows, MOVIES, SEAT_LAYOUTS, THEATRES } from "./catalog";

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

export async function seedDatabase(databaseUrl: string, opts: SeedOptions = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});

  const movieRows: (typeof schema.movies.$inferInsert)[] = MOVIES.map((m) => ({
    id: m.id,
    title: m.title,
    about: m.about,
    thumbnailUrl: m.thumbnailUrl,
    rating: m.rating,
    durationMins: m.durationMins,
    ageRating: m.ageRating,
    releaseDate: m.releaseDate,
    language: m.language,
    format: m.format,
    genres: m.genres,
  }));
  const theatreRows: (typeof schema.theatres.$inferInsert)[] = THEATRES.map((t) => ({
    id: t.id,
    name: t.name,
    city: t.city,
    address: t.address,
    geoLat: t.geoLat,
    geoLng: t.geoLng,
    cancellationAvailable: t.cancellationAvailable,
  }));
  const layoutRows: (typeof schema.seatLayouts.$inferInsert)[] = SEAT_LAYOUTS.map((l) => ({
    id: l.id,
    theatreId: l.theatreId,
    screenName: l.screenName,
    rows: l.rows,
    cols: l.cols,
    layout: l.layout,
  }));
  const showRows: (typeof schema.shows.$inferInsert)[] = buildShows(now).map((s) => ({
    id: s.id,
    movieId: s.movieId,
    theatreId: s.theatreId,
    layoutId: s.layoutId,
    startTime: s.startTime,
    price: s.price,
    status: s.status,
  }));

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
