import { publishCatalogChange } from "../../catalog/catalog-version";
import { eq } from "../../db/drizzle";
import { movies } from "../../db/schema";
import type { Deps } from "../../deps";
import type { AdminMovie, MovieFields } from "../../shared/admin-schemas";
import { type MovieRow, movieById } from "../admin-store";
import { recordCreation, recordStaffAction, type StaffActor } from "../audit-log";
import { generatedPosterUrl, sniffPoster, storePoster } from "../posters";

export const adminMovieOf = (m: MovieRow): AdminMovie => ({
  id: m.id,
  title: m.title,
  synopsis: m.about,
  genres: m.genres,
  languages: m.languages,
  formats: m.formats,
  runtimeMins: m.durationMins,
  ageRating: m.ageRating,
  rating: m.rating,
  releaseDate: m.releaseDate,
  posterUrl: m.thumbnailUrl,
  retiredAt: m.retiredAt && new Date(m.retiredAt).toISOString(),
});

/** The columns of the movie fields given (the first language and format stay the catalog's own). */
function movieColumns(fields: Partial<MovieFields>): Partial<typeof movies.$inferInsert> {
  const columns: Partial<typeof movies.$inferInsert> = {};
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.synopsis !== undefined) columns.about = fields.synopsis;
  if (fields.genres !== undefined) columns.genres = fields.genres;
  if (fields.languages !== undefined) {
    columns.languages = fields.languages;
    columns.language = fields.languages[0] ?? null;
  }
  if (fields.formats !== undefined) {
    columns.formats = fields.formats;
    columns.format = fields.formats[0] ?? null;
  }
  if (fields.runtimeMins !== undefined) columns.durationMins = fields.runtimeMins;
  if (fields.ageRating !== undefined) columns.ageRating = fields.ageRating;
  if (fields.rating !== undefined) columns.rating = fields.rating;
  if (fields.releaseDate !== undefined) columns.releaseDate = fields.releaseDate;
  return columns;
}

export async function createMovie(deps: Deps, input: { actor: StaffActor; fields: MovieFields }) {
  const id = crypto.randomUUID();
  const { db } = deps;
  const values = { id, ...movieColumns(input.fields), title: input.fields.title, thumbnailUrl: generatedPosterUrl(id) };
  const [[row]] = await db.batch([
    db.insert(movies).values(values).returning(),
    recordCreation(db, input.actor, null, { type: "movie", id }, input.fields),
  ]);
  await publishCatalogChange();
  return { outcome: "CREATED" as const, movie: adminMovieOf(row as MovieRow) };
}

export type ChangeMovieOutcome = { outcome: "CHANGED"; movie: AdminMovie } | { outcome: "MOVIE_NOT_FOUND" };

/** Any change to a movie row, audited with the row before and after. */
async function changeMovie(
  deps: Deps,
  input: {
    actor: StaffActor;
    movieId: string;
    action: `movie.${string}`;
    columns: Partial<typeof movies.$inferInsert>;
  },
): Promise<ChangeMovieOutcome> {
  const { db } = deps;
  const before = await movieById(db, input.movieId);
  if (!before) return { outcome: "MOVIE_NOT_FOUND" };
  const after = { ...before, ...input.columns };
  const [[row]] = await db.batch([
    db.update(movies).set(input.columns).where(eq(movies.id, input.movieId)).returning(),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: null,
      action: input.action,
      target: { type: "movie", id: input.movieId },
      before: adminMovieOf(before),
      after: adminMovieOf(after),
    }),
  ]);
  await publishCatalogChange();
  return { outcome: "CHANGED", movie: adminMovieOf(row as MovieRow) };
}

export const updateMovie = (deps: Deps, input: { actor: StaffActor; movieId: string; fields: Partial<MovieFields> }) =>
  changeMovie(deps, { ...input, action: "movie.update", columns: movieColumns(input.fields) });

/** Retired: gone from the catalog lists and pages; its shows and orders keep it. Retiring twice changes nothing more. */
export async function retireMovie(deps: Deps, input: { actor: StaffActor; movieId: string }) {
  const current = await movieById(deps.db, input.movieId);
  if (current?.retiredAt) return { outcome: "CHANGED" as const, movie: adminMovieOf(current) };
  return changeMovie(deps, {
    ...input,
    action: "movie.retire",
    columns: { retiredAt: deps.clock.now().toISOString() },
  });
}

export type SetPosterOutcome = ChangeMovieOutcome | { outcome: "POSTER_UNSUPPORTED" };

export async function setPoster(
  deps: Deps,
  input: { actor: StaffActor; movieId: string; bytes: Uint8Array<ArrayBuffer>; bucket: R2Bucket },
): Promise<SetPosterOutcome> {
  const type = sniffPoster(input.bytes);
  if (!type) return { outcome: "POSTER_UNSUPPORTED" };
  if (!(await movieById(deps.db, input.movieId))) return { outcome: "MOVIE_NOT_FOUND" };
  const { url } = await storePoster(input.bucket, input.bytes, type);
  return changeMovie(deps, { ...input, action: "movie.poster", columns: { thumbnailUrl: url } });
}
