import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import { fetchShow, SHOWS_STALE_MS, showKey } from "./show-read";

export type ShowsOfDay = InferResponseType<(typeof api.movies)[":movieId"]["shows"]["$get"], 200>;
export type ShowSummary = ShowsOfDay["shows"][number];
export type Theatre = ShowSummary["theatre"];

export const showKeys = {
  ofDay: (movieId: string, date: string, where: ShowsWhere = {}) => ["movies", "shows", movieId, date, where] as const,
  detail: showKey,
};

/** Where the visitor is: their city's theatres only, nearest first when the position is known. */
export interface ShowsWhere {
  city?: string;
  near?: [number, number];
}

/** GET /movies/{movieId}/shows?date= (a cinema calendar day, YYYY-MM-DD)&city=&near=lat,lng */
export const showsOfDayQuery = (movieId: string, date: string, where: ShowsWhere = {}) =>
  queryOptions({
    queryKey: showKeys.ofDay(movieId, date, where),
    queryFn: ({ signal }) => {
      const query: { date: string; city?: string; near?: string } = { date };
      if (where.city) query.city = where.city;
      // Rounded to ~1 km: enough to sort theatres, and one edge-cache entry per neighbourhood.
      if (where.near) query.near = where.near.map((d) => d.toFixed(2)).join(",");
      return unwrap(api.movies[":movieId"].shows.$get({ param: { movieId }, query }, { init: { signal } }));
    },
    staleTime: SHOWS_STALE_MS,
    refetchOnWindowFocus: true,
  });

/** GET /shows/{showId} */
export const showQuery = (showId: string) =>
  queryOptions({
    queryKey: showKeys.detail(showId),
    queryFn: ({ signal }) => fetchShow(showId, signal),
    staleTime: SHOWS_STALE_MS,
  });
