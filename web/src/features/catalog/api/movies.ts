import type { QueryClient } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import type { EarlyRead } from "../../../api/early-reads";

export type MovieList = InferResponseType<typeof api.movies.$get, 200>;
export type Movie = InferResponseType<(typeof api.movies)[":movieId"]["$get"], 200>;

export interface MovieListParams {
  page: number;
  pageSize: number;
  q?: string;
  genre?: string;
  language?: string;
  /** The visitor's city: only movies playing there. */
  city?: string;
}

/** Movies change rarely; the worker caches them for minutes too. */
const MOVIE_STALE_MS = 5 * 60_000;

export const movieKeys = {
  lists: ["movies", "list"] as const,
  list: (params: MovieListParams) => ["movies", "list", params] as const,
  detail: (movieId: string) => ["movies", "detail", movieId] as const,
};

/** GET /movies: read by the movies page before the query library loads (../../../api/early-reads.ts). */
export const movieListRead = (params: MovieListParams): EarlyRead<MovieList> => ({
  key: movieKeys.list(params),
  fetch: () => {
    // Only the filters in use: an empty `q=` would be a different cache entry at the edge.
    const query: { page: string; pageSize: string; q?: string; genre?: string; language?: string; city?: string } = {
      page: String(params.page),
      pageSize: String(params.pageSize),
    };
    if (params.q) query.q = params.q;
    if (params.genre) query.genre = params.genre;
    if (params.language) query.language = params.language;
    if (params.city) query.city = params.city;
    return unwrap(api.movies.$get({ query }));
  },
  staleTime: MOVIE_STALE_MS,
  // Paging and filtering keep the current grid on screen (dimmed) instead of flashing skeletons.
  keepPrevious: true,
});

const fetchMovie = (movieId: string, signal?: AbortSignal) =>
  unwrap(api.movies[":movieId"].$get({ param: { movieId } }, { init: { signal } }));

/** GET /movies/{movieId} (the movie page's query) */
export const movieQuery = (movieId: string) => ({
  queryKey: movieKeys.detail(movieId),
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchMovie(movieId, signal),
  staleTime: MOVIE_STALE_MS,
});

/** The same, warmed from the grid (a card's hover) before the query library is there: handed to its cache. */
export const movieRead = (movieId: string): EarlyRead<Movie> => ({
  key: movieKeys.detail(movieId),
  fetch: () => fetchMovie(movieId),
  staleTime: MOVIE_STALE_MS,
});

/** Coming from the grid, the list already has the movie: a placeholder to render at once. */
export function movieFromListCache(queryClient: QueryClient, movieId: string): Movie | undefined {
  for (const [, list] of queryClient.getQueriesData<MovieList>({ queryKey: movieKeys.lists })) {
    const movie = list?.items.find((m) => m.id === movieId);
    if (movie) return movie;
  }
  return undefined;
}
