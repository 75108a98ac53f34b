import type {
  AdminMovie,
  AdminScreen,
  AdminShow,
  AdminTheatre,
  MovieFields,
  ScheduleShowsBody,
  SeatLayout,
  TheatreFields,
} from "@housefull/shared";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/client";
import { sendRaw } from "./raw";

/**
 * The back office's catalog endpoints (src/admin/routes.ts, docs/API.md: Back office) through the
 * typed client: movies and posters, theatres, screens and their layouts, shows. Staff answers are
 * never cached by the worker (`no-store`), so these queries only dedupe within the page.
 */

export const adminKeys = {
  all: ["admin"] as const,
  movies: ["admin", "movies"] as const,
  theatres: ["admin", "theatres"] as const,
  theatre: (theatreId: string) => ["admin", "theatres", theatreId] as const,
  screens: (theatreId: string) => ["admin", "theatres", theatreId, "screens"] as const,
  shows: (theatreId: string) => ["admin", "theatres", theatreId, "shows"] as const,
  staff: (theatreId: string) => ["admin", "theatres", theatreId, "staff"] as const,
  show: (showId: string) => ["admin", "shows", showId] as const,
};

const movies = api.admin.movies;
const theatres = api.admin.theatres;

// ---- movies ----------------------------------------------------------------------------------

export const adminMoviesQuery = () =>
  queryOptions({
    queryKey: adminKeys.movies,
    queryFn: ({ signal }) => unwrap(movies.$get(undefined, { init: { signal } })),
  });

export const createMovie = (json: MovieFields): Promise<AdminMovie> => unwrap(movies.$post({ json }));

export const updateMovie = (movieId: string, json: Partial<MovieFields>): Promise<AdminMovie> =>
  unwrap(movies[":movieId"].$patch({ param: { movieId }, json }));

export const retireMovie = (movieId: string): Promise<AdminMovie> =>
  unwrap(movies[":movieId"].retire.$post({ param: { movieId } }));

/** PUT /admin/movies/{id}/poster with the image itself as the body (its type says what it is). */
export const uploadPoster = (movieId: string, file: File): Promise<AdminMovie> =>
  sendRaw<AdminMovie>(`/api/v1/admin/movies/${encodeURIComponent(movieId)}/poster`, {
    method: "PUT",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });

// ---- theatres --------------------------------------------------------------------------------

export const adminTheatresQuery = () =>
  queryOptions({
    queryKey: adminKeys.theatres,
    queryFn: ({ signal }) => unwrap(theatres.$get(undefined, { init: { signal } })),
  });

export const adminTheatreQuery = (theatreId: string) =>
  queryOptions({
    queryKey: adminKeys.theatre(theatreId),
    queryFn: ({ signal }) => unwrap(theatres[":theatreId"].$get({ param: { theatreId } }, { init: { signal } })),
  });

export const createTheatre = (json: TheatreFields): Promise<AdminTheatre> => unwrap(theatres.$post({ json }));

export const updateTheatre = (theatreId: string, json: Partial<TheatreFields>): Promise<AdminTheatre> =>
  unwrap(theatres[":theatreId"].$patch({ param: { theatreId }, json }));

// ---- screens ---------------------------------------------------------------------------------

export const screensQuery = (theatreId: string) =>
  queryOptions({
    queryKey: adminKeys.screens(theatreId),
    queryFn: ({ signal }) =>
      unwrap(theatres[":theatreId"].screens.$get({ param: { theatreId } }, { init: { signal } })),
  });

export const createScreen = (theatreId: string, json: { name: string; layout: SeatLayout }): Promise<AdminScreen> =>
  unwrap(theatres[":theatreId"].screens.$post({ param: { theatreId }, json }));

export const editScreen = (theatreId: string, screenId: string, json: { name?: string; layout?: SeatLayout }) =>
  unwrap(theatres[":theatreId"].screens[":screenId"].$patch({ param: { theatreId, screenId }, json }));

// ---- shows -----------------------------------------------------------------------------------

export const theatreShowsQuery = (theatreId: string) =>
  queryOptions({
    queryKey: adminKeys.shows(theatreId),
    queryFn: ({ signal }) =>
      unwrap(theatres[":theatreId"].shows.$get({ param: { theatreId }, query: {} }, { init: { signal } })),
  });

export const scheduleShows = (theatreId: string, json: ScheduleShowsBody): Promise<{ shows: AdminShow[] }> =>
  unwrap(theatres[":theatreId"].shows.$post({ param: { theatreId }, json }));

export const setSales = (theatreId: string, showId: string, open: boolean): Promise<AdminShow> =>
  unwrap(theatres[":theatreId"].shows[":showId"].sales.$put({ param: { theatreId, showId }, json: { open } }));

export const setPrices = (theatreId: string, showId: string, prices: Record<string, string>): Promise<AdminShow> =>
  unwrap(theatres[":theatreId"].shows[":showId"].prices.$put({ param: { theatreId, showId }, json: { prices } }));

/** The orphan rule on or off: the next hold obeys it. */
export const setOrphanRule = (theatreId: string, showId: string, orphanRule: boolean): Promise<AdminShow> =>
  unwrap(
    theatres[":theatreId"].shows[":showId"]["orphan-rule"].$put({ param: { theatreId, showId }, json: { orphanRule } }),
  );

// ---- the caller ------------------------------------------------------------------------------

export const myRolesQuery = () =>
  queryOptions({
    queryKey: [...adminKeys.all, "my-roles"] as const,
    queryFn: ({ signal }) => unwrap(api.account.roles.$get(undefined, { init: { signal } })),
    staleTime: 60_000,
  });
