// seedDatabase against a real local PostgreSQL: a throwaway database, migrated with drizzle/*.sql,
// seeded twice (idempotent) and once more "a day later" (adds only the new day's shows), then dropped.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildShows, MOVIES, movieIdOf, SEAT_LAYOUTS, THEATRES } from "../../drizzle/seed/catalog";
import { seedDatabase } from "../../drizzle/seed/index";
import { seatLayoutSchema } from "../../src/domain/seat-layout";
import { withDatabase } from "../support/database.ts";

const ADMIN_URL = process.env.SEED_TEST_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = `housefull_seedtest_${randomBytes(5).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const NOW = new Date("2026-11-25T08:18:00Z");
const DAY = 86_400_000;

let db: pg.Client;

const admin = <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => withDatabase(ADMIN_URL, fn);

const count = async (table: string) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE ${DB_NAME}`));
  db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  // Every migration, in order (as drizzle-kit applies them).
  const dir = fileURLToPath(new URL("../../drizzle/", import.meta.url));
  for (const file of readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort()) {
    const migration = readFileSync(`${dir}${file}`, "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) {
      if (statement.trim()) await db.query(statement);
    }
  }
});

afterAll(async () => {
  await db?.end().catch(() => {});
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
});

describe("seedDatabase", () => {
  const expectedShows = buildShows(NOW).length;

  it("seeds the catalog", async () => {
    const lines: string[] = [];
    const result = await seedDatabase(dbUrl, { now: NOW, log: (l) => lines.push(l) });
    expect(result).toEqual({
      movies: 12,
      theatres: THEATRES.length,
      layouts: SEAT_LAYOUTS.length,
      shows: expectedShows,
    });
    expect(lines.join("\n")).toContain(`shows +${expectedShows}/${expectedShows}`);
    expect(await count("movies")).toBe(MOVIES.length);
    expect(await count("theatres")).toBe(THEATRES.length);
    expect(await count("seat_layouts")).toBe(SEAT_LAYOUTS.length);
    expect(await count("shows")).toBe(expectedShows);
  });

  it("stores values exactly as the API will read them", async () => {
    const id = movieIdOf("chai-and-chaos");
    const { rows } = await db.query(
      `SELECT title, rating::text, genres, release_date::text, thumbnail_url, language, format, age_rating, duration_mins
         FROM movies WHERE movie_id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({
      title: "Chai & Chaos",
      rating: "7.2",
      genres: ["Comedy", "Family"],
      release_date: "2026-11-20",
      thumbnail_url: `/api/v1/movies/${id}/poster.svg`,
      language: "Hindi",
      format: "2D",
      age_rating: "U",
      duration_mins: 128,
    });

    const theatres = await db.query(
      `SELECT theatre_id, geo_lat::text, geo_lng::text, cancellation_available FROM theatres`,
    );
    for (const row of theatres.rows) {
      const t = THEATRES.find((x) => x.id === row.theatre_id)!;
      expect([row.geo_lat, row.geo_lng, row.cancellation_available]).toEqual([
        t.geoLat,
        t.geoLng,
        t.cancellationAvailable,
      ]);
    }

    const layouts = await db.query(`SELECT layout_id, rows, cols, layout_json FROM seat_layouts`);
    for (const row of layouts.rows) {
      expect(seatLayoutSchema.safeParse(row.layout_json).success).toBe(true);
      const l = SEAT_LAYOUTS.find((x) => x.id === row.layout_id)!;
      expect([row.rows, row.cols]).toEqual([l.rows, l.cols]);
    }

    const shows = await db.query(
      `SELECT count(*)::int AS n, min(price)::text AS min, max(price)::text AS max,
              count(*) FILTER (WHERE layout_id IS NULL)::int AS default_layout,
              count(DISTINCT (start_time AT TIME ZONE 'Asia/Kolkata')::date)::int AS days,
              min(to_char(start_time AT TIME ZONE 'Asia/Kolkata', 'HH24:MI')) AS earliest,
              max(to_char(start_time AT TIME ZONE 'Asia/Kolkata', 'HH24:MI')) AS latest
         FROM shows`,
    );
    const s = shows.rows[0];
    expect(s.days).toBe(7);
    expect(Number(s.min)).toBeGreaterThanOrEqual(180);
    expect(Number(s.max)).toBeLessThanOrEqual(450);
    expect(s.default_layout).toBeGreaterThan(0);
    expect(s.earliest >= "08:30" && s.latest <= "22:45").toBe(true);

    const one = buildShows(NOW)[0]!;
    const row = (await db.query(`SELECT start_time, price::text FROM shows WHERE show_id = $1`, [one.id])).rows[0];
    expect((row.start_time as Date).toISOString()).toBe(one.startTime);
    expect(row.price).toBe(one.price);
  });

  it("is idempotent: running again adds nothing", async () => {
    const before = await db.query(`SELECT show_id, created_at FROM shows ORDER BY show_id`);
    const result = await seedDatabase(dbUrl, { now: NOW });
    expect(result).toEqual({ movies: 0, theatres: 0, layouts: 0, shows: 0 });
    expect(await count("movies")).toBe(MOVIES.length);
    expect(await count("shows")).toBe(expectedShows);
    const after = await db.query(`SELECT show_id, created_at FROM shows ORDER BY show_id`);
    expect(after.rows).toEqual(before.rows);
  });

  it("run on a later day only adds that day's shows", async () => {
    const later = new Date(NOW.getTime() + DAY);
    const newDay = buildShows(later).filter((s) => s.localDate === "2026-12-02");
    const result = await seedDatabase(dbUrl, { now: later });
    expect(result).toEqual({ movies: 0, theatres: 0, layouts: 0, shows: newDay.length });
    expect(await count("shows")).toBe(expectedShows + newDay.length);
  });

  it("fails cleanly (and changes nothing) when the database is not migrated", async () => {
    const emptyName = `${DB_NAME}_empty`;
    await admin((c) => c.query(`CREATE DATABASE ${emptyName}`));
    try {
      const u = new URL(ADMIN_URL);
      u.pathname = `/${emptyName}`;
      await expect(seedDatabase(u.toString(), { now: NOW })).rejects.toThrow();
    } finally {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`));
    }
  });
});
