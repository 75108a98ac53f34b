import { useQuery } from "@tanstack/react-query";
import { type ShowsWhere, showsOfDayQuery } from "../api/shows";

/** GET /movies/{movieId}/shows?date=: the movie's shows on one cinema day, in one city when chosen. */
export const useShowsOfDay = (movieId: string, date: string, where?: ShowsWhere) =>
  useQuery(showsOfDayQuery(movieId, date, where));
