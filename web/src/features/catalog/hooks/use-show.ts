import { useQuery } from "@tanstack/react-query";
import { showQuery } from "../api/shows";

/** GET /shows/{showId}: its movie, theatre and time (nothing is asked until the id is known). */
export const useShow = (showId: string | undefined) =>
  useQuery({ ...showQuery(showId ?? ""), enabled: Boolean(showId) });
