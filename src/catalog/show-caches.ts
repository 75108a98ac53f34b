import { canonicalUrl } from "../http/edge-cache";
import { cinemaDate, cinemaToday } from "../shared/cinema-time";
import { forgetShowBookingInfo } from "./show-info";

/**
 * Forgets everything this colo caches about a show, so a change (a cancellation) is seen at once
 * here: its booking info (isolate and Cache API: what holds and seat maps read), its catalog page
 * and its movie's listing for its day (the edge cache's keys, as `edgeCache` writes them). Other
 * isolates keep their copy of the booking info for at most its isolate TTL; other colos keep theirs
 * until their Cache API entries lapse (docs/API.md: Back office, cancelling a show, says how long).
 */
export async function forgetShowInCaches(
  origin: string,
  show: { id: string; movieId: string; startTime: string },
  now = new Date(),
): Promise<void> {
  const day = cinemaDate(new Date(show.startTime));
  const paths = [`/api/v1/shows/${show.id}`, `/api/v1/movies/${show.movieId}/shows?date=${day}`];
  // The listing without a date is today's.
  if (day === cinemaToday(now)) paths.push(`/api/v1/movies/${show.movieId}/shows`);
  await Promise.all([
    forgetShowBookingInfo(show.id),
    ...paths.map((path) => caches.default.delete(new Request(canonicalUrl(`${origin}${path}`), { method: "GET" }))),
  ]);
}
