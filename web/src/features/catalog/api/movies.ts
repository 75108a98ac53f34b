import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";

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

/** GET /movies */
export const movieListQuery = (params: MovieListParams) =>
  queryOptions({
    queryKey: movieKeys.list(params),
    queryFn: ({ signal }) => {
      // Only the filters in use: an empty `q=` would be a different cache entry at the edge.
      const query: { page: string; pageSize: string; q?: string; genre?: string; language?: string; city?: string } = {
        page: String(params.page),
        pageSize: String(params.pageSize),
      };
      if (params.q) query.q = params.q;
      if (params.genre) query.genre = params.genre;
      if (params.language) query.language = params.language;
      if (params.city) query.city = params.city;
      return unwrap(api.movies.$get({ query }, { init: { signal } }));
    },
    staleTime: MOVIE_STALE_MS,
    // Paging and filtering keep the current grid on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });

/** GET /movies/{movieId} */
export const movieQuery = (movieId: string) =>
  queryOptions({
    queryKey: movieKeys.detail(movieId),
    queryFn: ({ signal }) => unwrap(api.movies[":movieId"].$get({ param: { movieId } }, { init: { signal } })),
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
