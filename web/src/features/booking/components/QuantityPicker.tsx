import { useId } from "react";
import styles from "./QuantityPicker.module.css";

interface QuantityPickerProps {
  /** The most seats one hold may have (the show's rule), at most 10 offered. */
  max: number;
  chosen: number | null;
  busy: boolean;
  disabled: boolean;
  onChoose: (quantity: number) => void;
}

/**
 * "How many seats?" above the map, as it opens (BookMyShow asks first, too): a number chosen, the
 * best seats together are held for the visitor, and a tap elsewhere moves the group. Seats can
 * still be picked one by one without choosing.
 */
export function QuantityPicker({ max, chosen, busy, disabled, onChoose }: QuantityPickerProps) {
  const headingId = useId();
  const counts = Array.from({ length: Math.min(10, Math.max(1, max)) }, (_, i) => i + 1);
  return (
    <section className={styles.picker} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.title}>
        How many seats?
      </h3>
      <ul className={styles.counts}>
        {counts.map((n) => (
          <li key={n}>
            <button
              type="button"
              className={styles.count}
              aria-pressed={chosen === n}
              aria-label={n === 1 ? "1 seat" : `${n} seats`}
              disabled={disabled || busy}
              onClick={() => onChoose(n)}
            >
              {n}
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.hint} aria-live="polite">
        {busy
          ? "Finding the best seats together…"
          : chosen
            ? "The best seats together are held for you. Tap another seat to move your group there."
            : "We'll hold the best seats together for you; you can change them."}
      </p>
    </section>
  );
}
