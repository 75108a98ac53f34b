import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { onsaleKeys, pollQueue } from "../api/queue";
import { saveAdmission } from "../lib/admission";

/**
 * Where this visitor stands in the event's waiting room, asked again as often as the server says
 * (`pollAfterSeconds`): one request, one Redis call, per poll. An admission is kept for the hold.
 */
export function useQueue(eventId: string) {
  const query = useQuery({
    queryKey: onsaleKeys.queue(eventId),
    queryFn: () => pollQueue(eventId),
    refetchInterval: (q) => (q.state.data?.state === "ADMITTED" ? false : (q.state.data?.pollAfterSeconds ?? 5) * 1000),
    refetchIntervalInBackground: true,
    retry: 2,
  });
  const admission = query.data?.admission;
  useEffect(() => {
    if (admission) saveAdmission(eventId, admission);
  }, [eventId, admission]);
  return query;
}
