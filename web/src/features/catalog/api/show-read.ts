// Its own file, not ./shows.ts: the entry starts this read as the seat page's route matches
// (web/src/App.tsx), so it is first-load code, without the query library.
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import type { EarlyRead } from "../../../api/early-reads";

export type Show = InferResponseType<(typeof api.shows)[":showId"]["$get"], 200>;

/** Show listings carry seats left, so they go stale fast (the worker's edge cache keeps them ~15 s). */
export const SHOWS_STALE_MS = 15_000;

export const showKey = (showId: string) => ["shows", showId] as const;

/** GET /shows/{showId} */
export const fetchShow = (showId: string, signal?: AbortSignal): Promise<Show> =>
  unwrap(api.shows[":showId"].$get({ param: { showId } }, { init: { signal } }));

/** The same, read as the seat page's route matches, before the page's code (and the query cache) is there. */
export const showRead = (showId: string): EarlyRead<Show> => ({
  key: showKey(showId),
  fetch: () => fetchShow(showId),
  staleTime: SHOWS_STALE_MS,
});
