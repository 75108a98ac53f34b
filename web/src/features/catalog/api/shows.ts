import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";

export type ShowsOfDay = InferResponseType<(typeof api.movies)[":movieId"]["shows"]["$get"], 200>;
export type ShowSummary = ShowsOfDay["shows"][number];
export type Theatre = ShowSummary["theatre"];

/** Show listings carry seats left, so they go stale fast (the worker's edge cache keeps them ~15 s). */
const SHOWS_STALE_MS = 15_000;

export const showKeys = {
  ofDay: (movieId: string, date: string) => ["movies", "shows", movieId, date] as const,
  detail: (showId: string) => ["shows", showId] as const,
};

/** GET /movies/{movieId}/shows?date= (a cinema calendar day, YYYY-MM-DD) */
export const showsOfDayQuery = (movieId: string, date: string) =>
  queryOptions({
    queryKey: showKeys.ofDay(movieId, date),
    queryFn: ({ signal }) =>
      unwrap(api.movies[":movieId"].shows.$get({ param: { movieId }, query: { date } }, { init: { signal } })),
    staleTime: SHOWS_STALE_MS,
    refetchOnWindowFocus: true,
  });

/** GET /shows/{showId} */
export const showQuery = (showId: string) =>
  queryOptions({
    queryKey: showKeys.detail(showId),
    queryFn: ({ signal }) => unwrap(api.shows[":showId"].$get({ param: { showId } }, { init: { signal } })),
    staleTime: SHOWS_STALE_MS,
  });
