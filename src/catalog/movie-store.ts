import type * as z from "zod/mini";
import type { Database } from "../db/client";
import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, ne, type SQL, sql } from "../db/drizzle";
import { movies, shows, theatres } from "../db/schema";
import type { Movie, movieListQuery } from "./schemas";

/** The catalog's movies in SQL: the searchable, filterable list and one movie (shows: catalog-store.ts). */

type MovieRow = typeof movies.$inferSelect;

export const toMovie = (m: MovieRow): Movie => ({
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

export const sameCity = (column: typeof theatres.city, city: string) => sql`lower(${column}) = lower(${city})`;

/** `%` and `_` typed by a user are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The list's query, as the route validated it. */
export type MovieFilter = z.output<typeof movieListQuery>;

/** The lower-cased title, genres and languages the trigram index covers (migration 0007). */
const searchDocument = sql`movie_search_document(${movies.title}, ${movies.genres}, ${movies.languages})`;

/**
 * A typed query matches a movie when the title holds it, or when each of its words is in the title
 * or close to a word of the title, a genre or a language (pg_trgm word similarity ≥ 0.6, its `<%`
 * operator, index-backed): "chennai circut", "thriler" and "tamil" find what they mean, while
 * "dune part two" does not also find "Dune: Part One". Title matches rank first.
 */
const matchesQuery = (q: string) => {
  const words = q.split(/\s+/).slice(0, 8);
  const eachWord = words.map((w) => sql`(${ilike(movies.title, likePattern(w))} or ${w} <% ${searchDocument})`);
  return sql`(${ilike(movies.title, likePattern(q))} or (${sql.join(eachWord, sql` and `)}))`;
};
const relevanceTo = (q: string) => [
  desc(ilike(movies.title, likePattern(q))),
  desc(sql`word_similarity(${q}, ${searchDocument})`),
];

/** One page of movies, the total, and the filter values the UI offers: one database round trip. */
export async function listMovies(db: Database, filter: MovieFilter) {
  // Retired movies have left the catalog.
  const conditions: SQL[] = [isNull(movies.retiredAt)];
  const q = filter.q?.trim().toLowerCase();
  if (q) conditions.push(matchesQuery(q));
  if (filter.genre) {
    conditions.push(sql`lower(${filter.genre}) = any(select lower(g) from unnest(${movies.genres}) g)`);
  }
  if (filter.language) conditions.push(sql`lower(${movies.language}) = lower(${filter.language})`);
  if (filter.city) {
    conditions.push(
      sql`exists (${db
        .select({ one: sql`1` })
        .from(shows)
        .innerJoin(theatres, eq(theatres.id, shows.theatreId))
        .where(
          and(
            eq(shows.movieId, movies.id),
            sameCity(theatres.city, filter.city),
            gte(shows.startTime, sql`now()`),
            ne(shows.status, "CANCELLED"),
          ),
        )})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;

  const [rows, [totalRow], genreRows, languageRows] = await db.batch([
    db
      .select()
      .from(movies)
      .where(where)
      .orderBy(...(q ? relevanceTo(q) : []), desc(movies.releaseDate), asc(movies.title), asc(movies.id))
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
