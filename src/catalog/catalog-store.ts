import type { Database } from "../db/client";
import { and, asc, count, eq, gte, isNotNull, isNull, lt, ne, sql } from "../db/drizzle";
import { showLayout, showMovie, showTheatre } from "../db/joins";
import { movies, orderSeats, type ShowStatus, seatLayouts, shows, theatres } from "../db/schema";
import { cancellationWindowOf, policyOfTheatre } from "../domain/cancellation-policy";
import { categoryPrices, pricedLayout } from "../domain/pricing";
import { DEFAULT_LAYOUT, type SeatLayout, seatIdsOf } from "../domain/seat-layout";
import { showStatusOf } from "../domain/show-schedule";
import { distanceKm } from "../shared/geo";
import { sameCity, toMovie } from "./movie-store";
import type { ShowSummary, Theatre } from "./schemas";

/** The catalog's shows and cities in SQL, drizzle column references throughout (movies: movie-store.ts). */

type TheatreRow = typeof theatres.$inferSelect;

const toTheatre = (t: TheatreRow, near?: [number, number]): Theatre => ({
  id: t.id,
  name: t.name,
  city: t.city,
  address: t.address,
  cancellationAvailable: t.cancellationAvailable,
  ...(near && t.geoLat !== null && t.geoLng !== null
    ? { distanceKm: Math.round(distanceKm(near, [Number(t.geoLat), Number(t.geoLng)]) * 10) / 10 }
    : {}),
});

/** What a show summary is computed against: the moment, the default cut-off, the visitor's position. */
export interface ShowContext {
  now: Date;
  defaultCutoffMinutes: number;
  near?: [number, number];
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

function toShowSummary(row: ShowRow, context: ShowContext): ShowSummary {
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
    theatre: toTheatre(row.theatre, context.near),
    cancellation: cancellationWindowOf(
      policyOfTheatre(row.theatre),
      row.show.startTime,
      context.defaultCutoffMinutes,
      context.now,
    ),
  };
}

/**
 * A movie's shows starting in [from, to) that have not started yet, in one city when asked, by
 * theatre (nearest first when the visitor's position is known, else by name) then time; undefined
 * when there is no such movie. One database round trip.
 */
export async function listShowsOfMovie(
  db: Database,
  movieId: string,
  window: { from: Date; to: Date; city?: string },
  context: ShowContext,
): Promise<ShowSummary[] | undefined> {
  const from = new Date(Math.max(window.from.getTime(), context.now.getTime()));
  const [movieRows, rows] = await db.batch([
    db
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.id, movieId), isNull(movies.retiredAt)))
      .limit(1),
    db
      .select(showColumns)
      .from(shows)
      .innerJoin(theatres, showTheatre)
      .innerJoin(movies, showMovie)
      .leftJoin(seatLayouts, showLayout)
      .where(
        and(
          eq(shows.movieId, movieId),
          gte(shows.startTime, from.toISOString()),
          lt(shows.startTime, window.to.toISOString()),
          ne(shows.status, "CANCELLED"),
          window.city ? sameCity(theatres.city, window.city) : undefined,
        ),
      )
      .orderBy(asc(theatres.name), asc(shows.startTime)),
  ]);
  if (!movieRows.length) return undefined;
  const summaries = rows.map((row) => toShowSummary(row, context));
  // Stable: within a theatre the shows keep their time order; theatres with no position go last.
  return context.near ? summaries.sort((a, b) => distanceOf(a) - distanceOf(b)) : summaries;
}

const distanceOf = (s: ShowSummary) => s.theatre.distanceKm ?? Number.POSITIVE_INFINITY;

/** The cities that have theatres, with how many: the city picker's list. One round trip. */
export async function listCities(db: Database) {
  // Cities typed in different cases by staff are one city (the filters compare lower-cased too).
  const name = sql<string>`min(${theatres.city})`;
  const rows = await db
    .select({
      name,
      theatres: count(),
      // Where the city's theatres are, on average: the browser suggests the nearest city from it.
      lat: sql<string | null>`round(avg(${theatres.geoLat}), 4)`,
      lng: sql<string | null>`round(avg(${theatres.geoLng}), 4)`,
    })
    .from(theatres)
    .where(isNotNull(theatres.city))
    .groupBy(sql`lower(${theatres.city})`)
    .orderBy(asc(name));
  return rows.map((r) => ({
    name: r.name,
    theatres: r.theatres,
    location: r.lat !== null && r.lng !== null ? { lat: Number(r.lat), lng: Number(r.lng) } : null,
  }));
}

/** One show with its movie, theatre and prices by seat category. */
export async function findShow(db: Database, showId: string, context: ShowContext) {
  const [row] = await db
    .select({ ...showColumns, movie: movies })
    .from(shows)
    .innerJoin(theatres, showTheatre)
    .innerJoin(movies, showMovie)
    .leftJoin(seatLayouts, showLayout)
    .where(eq(shows.id, showId))
    .limit(1);
  return row && { ...toShowSummary(row, context), movie: toMovie(row.movie) };
}

/** What booking needs to know about a show, as stored; `show-info.ts` caches it. */
export interface ShowBookingRow {
  showId: string;
  startTime: string;
  status: ShowStatus;
  salesOpen: boolean;
  /** Whether manual picks obey the orphan rule (src/domain/best-seats.ts: orphanRuleRefusal). */
  orphanRule: boolean;
  /** The on-sale event the show sells in (src/onsale): a hold then needs its admission. */
  onsaleEventId: string | null;
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
      orphanRule: shows.orphanRule,
      onsaleEventId: shows.onsaleEventId,
      price: shows.price,
      categoryPrices: shows.categoryPrices,
      layout: seatLayouts.layout,
    })
    .from(shows)
    .leftJoin(seatLayouts, showLayout)
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
