import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { movies, orderSeats, type ShowStatus, seatLayouts, shows, theatres } from "../db/schema";
import { categoryPrices, pricedLayout } from "../domain/pricing";
import { DEFAULT_LAYOUT, type SeatLayout, seatIdsOf } from "../domain/seat-layout";
import { showStatusOf } from "../domain/show-schedule";
import type { Movie, ShowSummary, Theatre } from "./schemas";

/** The catalog's reads: all of its SQL, drizzle column references throughout. */

type MovieRow = typeof movies.$inferSelect;
type TheatreRow = typeof theatres.$inferSelect;

const toMovie = (m: MovieRow): Movie => ({
  id: m.id,
  title: m.title,
  about: m.about,
  posterUrl: m.thumbnailUrl,
  rating: m.rating,
  durationMins: m.durationMins,
  ageRating: m.ageRating,
  releaseDate: m.releaseDate,
  language: m.language,
  format: m.format,
  genres: m.genres,
  languages: m.languages,
  formats: m.formats,
});

const toTheatre = (t: TheatreRow): Theatre => ({
  id: t.id,
  name: t.name,
  city: t.city,
  address: t.address,
  cancellationAvailable: t.cancellationAvailable,
});

/** `%` and `_` typed by a user are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export interface MovieFilter {
  page: number;
  pageSize: number;
  q?: string;
  genre?: string;
  language?: string;
}

/** One page of movies, the total, and the filter values the UI offers: one database round trip. */
export async function listMovies(db: Database, filter: MovieFilter) {
  // Retired movies have left the catalog.
  const conditions: SQL[] = [isNull(movies.retiredAt)];
  if (filter.q) conditions.push(ilike(movies.title, likePattern(filter.q)));
  if (filter.genre) {
    conditions.push(sql`lower(${filter.genre}) = any(select lower(g) from unnest(${movies.genres}) g)`);
  }
  if (filter.language) conditions.push(sql`lower(${movies.language}) = lower(${filter.language})`);
  const where = conditions.length ? and(...conditions) : undefined;

  const [rows, [totalRow], genreRows, languageRows] = await db.batch([
    db
      .select()
      .from(movies)
      .where(where)
      .orderBy(desc(movies.releaseDate), asc(movies.title), asc(movies.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(movies).where(where),
    db
      .selectDistinct({ genre: sql<string>`unnest(${movies.genres})`.as("genre") })
      .from(movies)
      .where(isNull(movies.retiredAt))
      .orderBy(sql`1`),
    db
      .selectDistinct({ language: movies.language })
      .from(movies)
      .where(and(isNotNull(movies.language), isNull(movies.retiredAt)))
      .orderBy(movies.language),
  ]);
  const total = totalRow?.total ?? 0;
  return {
    items: rows.map(toMovie),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    totalPages: Math.ceil(total / filter.pageSize),
    filters: {
      genres: genreRows.map((r) => r.genre),
      languages: languageRows.map((r) => r.language).filter((l): l is string => l !== null),
    },
  };
}

export async function findMovie(db: Database, movieId: string): Promise<Movie | undefined> {
  const [row] = await db
    .select()
    .from(movies)
    .where(and(eq(movies.id, movieId), isNull(movies.retiredAt)))
    .limit(1);
  return row && toMovie(row);
}

const seatsTaken = sql<number>`(select count(*) from ${orderSeats} where ${orderSeats.showId} = ${shows.id})`.mapWith(
  Number,
);

const showColumns = {
  show: shows,
  theatre: theatres,
  layout: seatLayouts.layout,
  seatsTaken,
  // The show's language and format, falling back to the movie's.
  language: sql<string | null>`coalesce(${shows.language}, ${movies.language})`,
  format: sql<string | null>`coalesce(${shows.format}, ${movies.format})`,
};

type ShowRow = {
  show: typeof shows.$inferSelect;
  theatre: TheatreRow;
  layout: typeof seatLayouts.$inferSelect.layout | null;
  seatsTaken: number;
  language: string | null;
  format: string | null;
};

function toShowSummary(row: ShowRow): ShowSummary {
  const layout = pricedLayout(row.layout ?? DEFAULT_LAYOUT, row.show.price, row.show.categoryPrices);
  const capacity = seatIdsOf(layout).length;
  return {
    id: row.show.id,
    startTime: new Date(row.show.startTime).toISOString(),
    price: row.show.price,
    status: showStatusOf(row.show.status, capacity, row.seatsTaken),
    capacity,
    seatsLeft: Math.max(0, capacity - row.seatsTaken),
    categories: categoryPrices(layout, row.show.price),
    language: row.language,
    format: row.format,
    theatre: toTheatre(row.theatre),
  };
}

/**
 * A movie's shows starting in [from, to) that have not started yet, by theatre then time;
 * undefined when there is no such movie. One database round trip.
 */
export async function listShowsOfMovie(
  db: Database,
  movieId: string,
  window: { from: Date; to: Date; now: Date },
): Promise<ShowSummary[] | undefined> {
  const from = new Date(Math.max(window.from.getTime(), window.now.getTime()));
  const [movieRows, rows] = await db.batch([
    db
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.id, movieId), isNull(movies.retiredAt)))
      .limit(1),
    db
      .select(showColumns)
      .from(shows)
      .innerJoin(theatres, eq(theatres.id, shows.theatreId))
      .innerJoin(movies, eq(movies.id, shows.movieId))
      .leftJoin(seatLayouts, eq(seatLayouts.id, shows.layoutId))
      .where(
        and(
          eq(shows.movieId, movieId),
          gte(shows.startTime, from.toISOString()),
          lt(shows.startTime, window.to.toISOString()),
          ne(shows.status, "CANCELLED"),
        ),
      )
      .orderBy(asc(theatres.name), asc(shows.startTime)),
  ]);
  return movieRows.length ? rows.map(toShowSummary) : undefined;
}

/** One show with its movie, theatre and prices by seat category. */
export async function findShow(db: Database, showId: string) {
  const [row] = await db
    .select({ ...showColumns, movie: movies })
    .from(shows)
    .innerJoin(theatres, eq(theatres.id, shows.theatreId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .leftJoin(seatLayouts, eq(seatLayouts.id, shows.layoutId))
    .where(eq(shows.id, showId))
    .limit(1);
  return row && { ...toShowSummary(row), movie: toMovie(row.movie) };
}

/** What booking needs to know about a show, as stored; `show-info.ts` caches it. */
export interface ShowBookingRow {
  showId: string;
  startTime: string;
  status: ShowStatus;
  salesOpen: boolean;
  price: string;
  /** Priced for this show (src/domain/pricing.ts: pricedLayout). */
  layout: SeatLayout;
}

export async function findShowBookingRow(db: Database, showId: string): Promise<ShowBookingRow | undefined> {
  const [row] = await db
    .select({
      showId: shows.id,
      startTime: shows.startTime,
      status: shows.status,
      salesOpen: shows.salesOpen,
      price: shows.price,
      categoryPrices: shows.categoryPrices,
      layout: seatLayouts.layout,
    })
    .from(shows)
    .leftJoin(seatLayouts, eq(seatLayouts.id, shows.layoutId))
    .where(eq(shows.id, showId))
    .limit(1);
  if (!row) return undefined;
  const { categoryPrices: prices, layout, ...rest } = row;
  return {
    ...rest,
    startTime: new Date(row.startTime).toISOString(),
    layout: pricedLayout(layout ?? DEFAULT_LAYOUT, row.price, prices),
  };
}
