import { useQuery, useQueryClient } from "@tanstack/react-query";
import { movieFromListCache, movieQuery } from "../api/movies";

/** GET /movies/{movieId}, shown at once from the grid's copy while it loads. */
export function useMovie(movieId: string) {
  const queryClient = useQueryClient();
  return useQuery({ ...movieQuery(movieId), placeholderData: () => movieFromListCache(queryClient, movieId) });
}
