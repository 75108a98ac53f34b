import { useQuery } from "@tanstack/react-query";
import { fetchConflicts } from "../api/door-api";

/** How often the manager's list asks again: gates sync every few seconds once they are back online. */
const REFRESH_MS = 10_000;

/**
 * A show's conflicting admissions (GET /door/shows/{id}/conflicts), kept fresh while shown. A 404 or
 * 403 (not this person's theatre, or a role that may not see it) is an answer, not a retry.
 */
export function useShowConflicts(showId: string | undefined) {
  return useQuery({
    queryKey: ["door", "conflicts", showId],
    enabled: Boolean(showId),
    refetchInterval: REFRESH_MS,
    queryFn: async () => {
      const reply = await fetchConflicts(showId ?? "");
      if (reply.status === 200) return { status: 200 as const, conflicts: reply.body.conflicts };
      return { status: reply.status, conflicts: [] };
    },
  });
}
