import { CINEMA_TIME_ZONE } from "@housefull/shared";
import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { FilterChips } from "../../../components/FilterChips";
import { CalendarIcon, CheckCircleIcon, InfoIcon, PinIcon } from "../../../components/Icons";
import { EmptyState, ErrorState } from "../../../components/StatusViews";
import type { ShowSummary, Theatre } from "../api/shows";
import { useShowsOfDay } from "../hooks/use-shows-of-day";
import type { CalendarDay } from "../lib/days";
import { ShowChip } from "./ShowChip";
import styles from "./Showtimes.module.css";

interface ShowtimesProps {
  movieId: string;
  day: CalendarDay;
  /** The following day in the strip, offered when this one has nothing. */
  nextDay: CalendarDay | undefined;
}

interface TheatreShows {
  theatre: Theatre;
  shows: ShowSummary[];
}

/** The day's shows, one card per theatre, each show a time chip that leads to seat selection. */
export function Showtimes({ movieId, day, nextDay }: ShowtimesProps) {
  const [params, setParams] = useSearchParams();
  const { data, error, isPending, isError, refetch } = useShowsOfDay(movieId, day.iso);

  const city = params.get("city") || undefined;
  const cities = data ? uniqueSorted(data.shows.map((s) => s.theatre.city).filter((c): c is string => Boolean(c))) : [];
  const shows = data ? data.shows.filter((s) => !city || s.theatre.city === city) : [];
  const theatres = groupByTheatre(shows);

  function setCity(value: string | undefined) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set("city", value);
        else next.delete("city");
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  const nextDayHref = nextDay ? hrefWith(params, "date", nextDay.iso) : null;

  return (
    <div className={styles.showtimes}>
      {cities.length > 1 || city ? (
        <div className={styles.cityFilter}>
          <FilterChips label="City" options={cities} selected={city} onSelect={setCity} />
        </div>
      ) : null}

      <div className={styles.legendRow}>
        <ul className={styles.legend} aria-label="Legend">
          <li data-status="AVAILABLE">Available</li>
          <li data-status="FILLING_FAST">Filling fast</li>
          <li data-status="ALMOST_FULL">Almost full</li>
        </ul>
        {userIsOutsideIndia() ? <p className={styles.zoneNote}>Times are in India Standard Time</p> : null}
      </div>

      <div aria-busy={isPending}>
        {isPending ? (
          <ShowtimesSkeleton />
        ) : isError ? (
          <ErrorState error={error} what="the shows" compact onRetry={() => void refetch()} />
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
            description={city ? "Try another city or date." : "Try another date."}
          >
            {city ? (
              <button type="button" className="btn btn-secondary" onClick={() => setCity(undefined)}>
                Show all cities
              </button>
            ) : null}
            {nextDayHref && nextDay ? (
              <Link to={nextDayHref} replace preventScrollReset className="btn btn-primary">
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
        {theatre.cancellationAvailable ? (
          <p className={`${styles.policy} ${styles.policyYes}`}>
            <CheckCircleIcon size={14} />
            Cancellation available
          </p>
        ) : (
          <p className={styles.policy}>
            <InfoIcon size={14} />
            Non-cancellable
          </p>
        )}
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

/** The address, with the city in front when the address doesn't already say it. */
function placeOf(theatre: Theatre): string | null {
  const { city, address } = theatre;
  if (address && city && !address.toLowerCase().includes(city.toLowerCase())) return `${city} · ${address}`;
  return address ?? city;
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
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
