import { CINEMA_TIME_ZONE } from "@housefull/shared";
import { useId } from "react";
import { CalendarIcon, PinIcon } from "../../../components/Icons";
import { EmptyState, ErrorState } from "../../../components/StatusViews";
import { Link, useSearchParams } from "../../../router";
import type { ShowSummary, ShowsWhere, Theatre } from "../api/shows";
import { useShowsOfDay } from "../hooks/use-shows-of-day";
import type { CalendarDay } from "../lib/days";
import { filterOfParams, passes } from "../lib/show-filters";
import { CancellationNote } from "./CancellationNote";
import { ShowChip } from "./ShowChip";
import { ShowFilters } from "./ShowFilters";
import styles from "./Showtimes.module.css";

interface ShowtimesProps {
  movieId: string;
  day: CalendarDay;
  /** The following day in the strip, offered when this one has nothing. */
  nextDay: CalendarDay | undefined;
  /** The visitor's city and position (the header's picker); every city when none is chosen. */
  where: ShowsWhere;
}

interface TheatreShows {
  theatre: Theatre;
  shows: ShowSummary[];
}

/** The day's shows, one card per theatre, each show a time chip that leads to seat selection. */
export function Showtimes({ movieId, day, nextDay, where }: ShowtimesProps) {
  const [params] = useSearchParams();
  const { data, error, isPending, isError, refetch } = useShowsOfDay(movieId, day.iso, where);
  const city = where.city;
  const filter = filterOfParams(params);
  const dayShows = data?.shows ?? [];
  const theatres = groupByTheatre(dayShows.filter((show) => passes(show, filter)));
  const filteredAway = theatres.length === 0 && dayShows.length > 0;

  const nextDayHref = nextDay ? hrefWith(params, "date", nextDay.iso) : null;

  return (
    <div className={styles.showtimes}>
      <div className={styles.legendRow}>
        <ul className={styles.legend} aria-label="Legend">
          <li data-status="AVAILABLE">Available</li>
          <li data-status="FILLING_FAST">Filling fast</li>
          <li data-status="ALMOST_FULL">Almost full</li>
        </ul>
        {userIsOutsideIndia() ? <p className={styles.zoneNote}>Times are in India Standard Time</p> : null}
      </div>

      <ShowFilters shows={dayShows} filter={filter} />

      <div aria-busy={isPending}>
        {isPending ? (
          <ShowtimesSkeleton />
        ) : isError ? (
          <ErrorState error={error} what="the shows" compact onRetry={() => void refetch()} />
        ) : filteredAway ? (
          <EmptyState
            compact
            icon={<CalendarIcon size={22} />}
            title="No shows match these filters"
            description="Change or clear a filter above to see the day's other shows."
          />
        ) : theatres.length === 0 ? (
          <EmptyState
            compact
            icon={<CalendarIcon size={22} />}
            title={
              city
                ? `No shows in ${city} on ${day.label === "Today" ? "today" : day.fullLabel}`
                : day.label === "Today"
                  ? "No more shows today"
                  : `No shows on ${day.fullLabel}`
            }
            description={city ? "Try another date, or change the city at the top of the page." : "Try another date."}
          >
            {nextDayHref && nextDay ? (
              <Link to={nextDayHref} replace className="btn btn-primary">
                See {nextDay.label === "Tomorrow" ? "tomorrow" : nextDay.fullLabel}
              </Link>
            ) : null}
          </EmptyState>
        ) : (
          <ul className={styles.theatres}>
            {theatres.map(({ theatre, shows }) => (
              <li key={theatre.id}>
                <TheatreCard theatre={theatre} shows={shows} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function TheatreCard({ theatre, shows }: TheatreShows) {
  const headingId = useId();
  const place = placeOf(theatre);
  return (
    <article className={styles.theatre} aria-labelledby={headingId}>
      <div className={styles.theatreInfo}>
        <h3 id={headingId} className={styles.theatreName}>
          {theatre.name}
        </h3>
        {place ? (
          <p className={styles.address}>
            <PinIcon size={14} className={styles.addressIcon} />
            <span>{place}</span>
          </p>
        ) : null}
        <CancellationNote shows={shows} allowed={theatre.cancellationAvailable} />
      </div>
      <ul className={styles.times} aria-label={`Show times at ${theatre.name}`}>
        {shows.map((show) => (
          <li key={show.id} className={styles.slot}>
            <ShowChip show={show} />
          </li>
        ))}
      </ul>
    </article>
  );
}

function ShowtimesSkeleton() {
  return (
    <ul className={styles.theatres} aria-label="Loading shows">
      {[5, 3, 4].map((chips, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <li key={i} aria-hidden="true">
          <div className={styles.theatre}>
            <div className={styles.theatreInfo}>
              <div className="skeleton" style={{ width: "70%", height: 18 }} />
              <div className="skeleton" style={{ width: "90%", height: 14, marginTop: 10 }} />
              <div className="skeleton" style={{ width: "45%", height: 14, marginTop: 8 }} />
            </div>
            <div className={styles.times}>
              {Array.from({ length: chips }, (_, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
                <div key={j} className={`skeleton ${styles.chipSkeleton}`} />
              ))}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Theatres in the order the API lists them (by theatre, then time), each with its shows. */
function groupByTheatre(shows: ShowSummary[]): TheatreShows[] {
  const groups = new Map<string, TheatreShows>();
  for (const show of shows) {
    const group = groups.get(show.theatre.id);
    if (group) group.shows.push(show);
    else groups.set(show.theatre.id, { theatre: show.theatre, shows: [show] });
  }
  for (const group of groups.values()) group.shows.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return [...groups.values()];
}

/** How far, when the visitor shared a position; then the address, with the city in front when it doesn't say it. */
function placeOf(theatre: Theatre): string | null {
  const { city, address, distanceKm } = theatre;
  const where =
    address && city && !address.toLowerCase().includes(city.toLowerCase()) ? `${city} · ${address}` : (address ?? city);
  if (distanceKm === undefined) return where;
  const far = distanceKm < 10 ? `${distanceKm.toFixed(1)} km away` : `${Math.round(distanceKm)} km away`;
  return where ? `${far} · ${where}` : far;
}

function hrefWith(params: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams(params);
  next.set(key, value);
  return `?${next.toString()}`;
}

function userIsOutsideIndia(): boolean {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone !== CINEMA_TIME_ZONE && zone !== "Asia/Calcutta";
}
