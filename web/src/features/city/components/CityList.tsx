import { useState } from "react";
import { PinIcon } from "../../../components/Icons";
import type { City } from "../api/cities";
import { useCities, useCity } from "../hooks/use-city";
import { nearestCity } from "../lib/city-choice";
import styles from "./City.module.css";

/**
 * The cities on offer as buttons, plus "Use my location" (the browser's position suggests the
 * nearest city and sorts its theatres by distance). Picking one remembers it in this browser.
 */
export function CityList({ onChosen }: { onChosen?: (city: string | null) => void }) {
  const { city: chosen, choose } = useCity();
  const { data, isPending, isError } = useCities();
  const [locating, setLocating] = useState<"idle" | "busy" | "refused">("idle");
  const cities: City[] = data?.cities ?? [];

  const pick = (city: string | null, position: [number, number] | null = null) => {
    choose({ city, position });
    onChosen?.(city);
  };

  const locate = () => {
    setLocating("busy");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const position: [number, number] = [coords.latitude, coords.longitude];
        const nearest = nearestCity(cities, position);
        setLocating("idle");
        if (nearest) pick(nearest.name, position);
      },
      () => setLocating("refused"),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  };

  return (
    <div className={styles.list}>
      {"geolocation" in navigator ? (
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={locating === "busy" || !data}>
          <PinIcon size={16} />
          {locating === "busy" ? "Finding you…" : "Use my location"}
        </button>
      ) : null}
      {locating === "refused" ? (
        <p className={styles.hint} role="status">
          Your browser did not share a location. Pick your city below.
        </p>
      ) : null}
      {isError ? <p className={styles.hint}>Cities could not be loaded. Try again in a moment.</p> : null}
      <ul className={styles.cities} aria-label="Cities" aria-busy={isPending}>
        {isPending
          ? // A city's own box with its two lines blank: the list is the same height when the cities arrive.
            [0, 1, 2].map((i) => (
              <li key={i} aria-hidden="true">
                <span className={`${styles.city} ${styles.skeleton}`}>
                  <span>{"\u00a0"}</span>
                  <span className={styles.count}>{"\u00a0"}</span>
                </span>
              </li>
            ))
          : cities.map((c) => (
              <li key={c.name}>
                <button
                  type="button"
                  className={styles.city}
                  aria-pressed={c.name === chosen}
                  onClick={() => pick(c.name)}
                >
                  <span>{c.name}</span>
                  <span className={styles.count}>{c.theatres === 1 ? "1 theatre" : `${c.theatres} theatres`}</span>
                </button>
              </li>
            ))}
      </ul>
      {chosen ? (
        <button type="button" className={styles.all} onClick={() => pick(null)}>
          Show every city
        </button>
      ) : null}
    </div>
  );
}
