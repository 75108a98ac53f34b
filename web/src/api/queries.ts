import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  ApiError,
  getMovie,
  getShow,
  listMovies,
  listShowsOfDay,
  type Movie,
  type MovieList,
  type MovieListParams,
} from "./client";

/** Movies change rarely; the worker caches them for minutes too. */
const MOVIE_STALE_MS = 5 * 60_000;
/** Show listings carry seats left, so they go stale fast (the worker's edge cache keeps them ~15 s). */
const SHOWS_STALE_MS = 15_000;

export const queryKeys = {
  movieLists: ["movies", "list"] as const,
  movieList: (params: MovieListParams) => ["movies", "list", params] as const,
  movie: (movieId: string) => ["movies", "detail", movieId] as const,
  showsOfDay: (movieId: string, date: string) => ["movies", "shows", movieId, date] as const,
  show: (showId: string) => ["shows", showId] as const,
};

export const movieListQuery = (params: MovieListParams) =>
  queryOptions({
    queryKey: queryKeys.movieList(params),
    queryFn: ({ signal }) => listMovies(params, signal),
    staleTime: MOVIE_STALE_MS,
    // Paging and filtering keep the current grid on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });

export const movieQuery = (movieId: string) =>
  queryOptions({
    queryKey: queryKeys.movie(movieId),
    queryFn: ({ signal }) => getMovie(movieId, signal),
    staleTime: MOVIE_STALE_MS,
  });

export const showsOfDayQuery = (movieId: string, date: string) =>
  queryOptions({
    queryKey: queryKeys.showsOfDay(movieId, date),
    queryFn: ({ signal }) => listShowsOfDay(movieId, date, signal),
    staleTime: SHOWS_STALE_MS,
    refetchOnWindowFocus: true,
  });

export const showQuery = (showId: string) =>
  queryOptions({
    queryKey: queryKeys.show(showId),
    queryFn: ({ signal }) => getShow(showId, signal),
    staleTime: SHOWS_STALE_MS,
  });

/** Coming from the grid, the list already has the movie: a placeholder to render at once. */
export function movieFromListCache(queryClient: QueryClient, movieId: string): Movie | undefined {
  for (const [, list] of queryClient.getQueriesData<MovieList>({ queryKey: queryKeys.movieLists })) {
    const movie = list?.items.find((m) => m.id === movieId);
    if (movie) return movie;
  }
  return undefined;
}

/** Retry only what may work the second time: no answer, 429, 5xx. A 404 stays a 404. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.isRetryable && failureCount < 2;
  return failureCount < 1;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds) return Math.min(error.retryAfterSeconds, 10) * 1000;
  return Math.min(500 * 2 ** attempt, 4000);
}
