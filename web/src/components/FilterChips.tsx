import styles from "./FilterChips.module.css";

interface FilterChipsProps {
  label: string;
  options: readonly string[];
  /** The selected option, or undefined for "All". */
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}

/** One single-choice filter as a row of toggle chips, "All" first. */
export function FilterChips({ label, options, selected, onSelect }: FilterChipsProps) {
  // A value from the URL that the catalogue no longer offers still shows, so it can be turned off.
  const values = selected && !options.some((o) => same(o, selected)) ? [selected, ...options] : options;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.label}>{label}</legend>
      <ul className={styles.chips}>
        <li>
          <button type="button" className={styles.chip} aria-pressed={!selected} onClick={() => onSelect(undefined)}>
            All
          </button>
        </li>
        {values.map((value) => {
          const active = selected !== undefined && same(value, selected);
          return (
            <li key={value}>
              <button
                type="button"
                className={styles.chip}
                aria-pressed={active}
                onClick={() => onSelect(active ? undefined : value)}
              >
                {value}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

export function FilterChipsSkeleton({ label, count }: { label: string; count: number }) {
  return (
    <div className={`${styles.group} ${styles.groupSkeleton}`} aria-hidden="true">
      <span className={styles.label}>{label}</span>
      <div className={styles.chips}>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <span key={i} className={`skeleton ${styles.chipSkeleton}`} style={{ width: 56 + ((i * 23) % 40) }} />
        ))}
      </div>
    </div>
  );
}
