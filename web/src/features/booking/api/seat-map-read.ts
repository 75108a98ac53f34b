// Its own file, not ./booking.ts: the entry starts the seat map's read as the seat page's route
// matches (web/src/App.tsx), so this is first-load code, without the query library.
import { ApiError, type ApiResponse, api, noAnswer } from "../../../api/client";
import type { SeatMap } from "../../../api/contract";
import type { EarlyRead } from "../../../api/early-reads";
import { readSession } from "../lib/session";

/** How often an open seat map asks for changes (a 304 when there are none). */
export const SEAT_MAP_REFRESH_MS = 4_000;

export const seatMapKey = (showId: string) => ["seatmap", showId] as const;

/** The last seat map and its ETag per show: a 304 answers with this very object. */
const lastSeatMaps = new Map<string, { etag: string; map: SeatMap }>();

/**
 * GET /shows/{showId}/seatmap. Polled every few seconds, so it sends the last ETag: an unchanged map
 * costs a bodiless 304, and the same object comes back (React Query sees nothing changed). The
 * browser's hold on the show goes along (`holdId`): the server reads it fresh and marks its seats
 * `mine`, while the rest of the map is the location's shared snapshot.
 */
export async function getSeatMap(showId: string, signal?: AbortSignal): Promise<SeatMap> {
  const last = lastSeatMaps.get(showId);
  const holdId = readSession(showId)?.holdId;
  let res: ApiResponse;
  try {
    res = await api.shows[":showId"].seatmap.$get(
      { param: { showId }, query: holdId ? { holdId } : {} },
      {
        headers: last ? { "If-None-Match": last.etag } : {},
        // Our own revalidation: the browser's HTTP cache would only hide the 304 from us.
        init: { signal, cache: "no-store" },
      },
    );
  } catch (err) {
    throw noAnswer(err);
  }
  if (res.status === 304 && last) return last.map;
  if (!res.ok) throw await ApiError.fromResponse(res);
  let map: SeatMap;
  try {
    map = (await res.json()) as SeatMap;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(res.status, "BAD_RESPONSE", "The server sent a seat map we could not read");
  }
  const etag = res.headers.get("ETag");
  if (etag) lastSeatMaps.set(showId, { etag, map });
  else lastSeatMaps.delete(showId);
  return map;
}

/**
 * The seat page's map, read as its route matches. A map younger than one poll is not asked for
 * again: the page's own query polls it from there (./booking.ts, `seatMapQuery`).
 */
export const seatMapRead = (showId: string): EarlyRead<SeatMap> => ({
  key: seatMapKey(showId),
  fetch: () => getSeatMap(showId),
  staleTime: SEAT_MAP_REFRESH_MS,
});
