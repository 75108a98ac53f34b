import { useId } from "react";
import { useSearchParams } from "../../../router";
import type { ShowSummary } from "../api/shows";
import { choicesOf, FILTER_KEYS, PRICE_BANDS, type ShowFilter, TIMES_OF_DAY } from "../lib/show-filters";
import styles from "./ShowFilters.module.css";

interface ShowFiltersProps {
  /** The day's shows (all of them, before filtering): what can be chosen. */
  shows: readonly ShowSummary[];
  filter: ShowFilter;
}

/**
 * Format, language, time of day and price, as four compact selects (always the same size: the
 * shows below never move when the choices arrive). Kept in the address, so a shared link keeps them.
 */
export function ShowFilters({ shows, filter }: ShowFiltersProps) {
  const [params, setParams] = useSearchParams();
  const { formats, languages } = choicesOf(shows);
  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const active = FILTER_KEYS.some((key) => filter[key]);
  return (
    <fieldset className={styles.filters}>
      <legend className="visually-hidden">Filter the shows</legend>
      <Choice label="Format" value={filter.format} onChange={(v) => set("format", v)} options={pairs(formats)} />
      <Choice
        label="Language"
        value={filter.language}
        onChange={(v) => set("language", v)}
        options={pairs(languages)}
      />
      <Choice
        label="Time"
        value={filter.time}
        onChange={(v) => set("time", v)}
        options={TIMES_OF_DAY.map((t) => [t.key, `${t.label} (${t.sub})`])}
      />
      <Choice
        label="Price"
        value={filter.price}
        onChange={(v) => set("price", v)}
        options={PRICE_BANDS.map((b) => [b.key, b.label])}
      />
      <button
        type="button"
        className={`btn btn-link ${styles.clear}`}
        disabled={!active}
        onClick={() => {
          const next = new URLSearchParams(params);
          for (const key of FILTER_KEYS) next.delete(key);
          setParams(next, { replace: true });
        }}
      >
        Clear filters
      </button>
    </fieldset>
  );
}

const pairs = (values: string[]): [string, string][] => values.map((v) => [v, v]);

interface ChoiceProps {
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function Choice({ label, value, options, onChange }: ChoiceProps) {
  // A value from the address that the day does not offer still shows, so it can be turned off.
  const all = value && !options.some(([v]) => v === value) ? [[value, value] as const, ...options] : options;
  const id = useId();
  return (
    <div className={styles.choice}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.select} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
