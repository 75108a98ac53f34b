import { useQuery } from "@tanstack/react-query";
import { showsOfDayQuery } from "../api/shows";

/** GET /movies/{movieId}/shows?date=: the movie's shows on one cinema day. */
export const useShowsOfDay = (movieId: string, date: string) => useQuery(showsOfDayQuery(movieId, date));
