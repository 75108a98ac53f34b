import { formatClock } from "../../../lib/countdown";
import { formatPrice } from "../../../lib/format-show";
import { countWords } from "../hooks/use-seat-selection";
import styles from "./SelectionBar.module.css";

interface SelectionBarProps {
  seatIds: readonly string[];
  total: string;
  maxSeats: number;
  bookable: boolean | undefined;
  note: string | null;
  holding: boolean;
  /** Seconds until a rate-limited Continue may be pressed again. */
  retryIn: number | null;
  onContinue: () => void;
}

/** The selection, its total and Continue, stuck to the bottom of the screen. */
export function SelectionBar({
  seatIds,
  total,
  maxSeats,
  bookable,
  note,
  holding,
  retryIn,
  onContinue,
}: SelectionBarProps) {
  return (
    <section className={styles.bar} aria-label="Your selection">
      <div className={styles.barInner}>
        <div className={styles.summary}>
          {seatIds.length ? (
            <>
              <p className={styles.count}>
                {countWords(seatIds.length)}
                <span className={styles.seatIds}>{seatIds.join(", ")}</span>
              </p>
              <p className={styles.total}>
                <span className="visually-hidden">Total </span>
                {formatPrice(total)}
              </p>
            </>
          ) : (
            <p className={styles.hint}>
              {bookable === false ? "This show isn't taking bookings" : `Pick up to ${maxSeats} seats`}
            </p>
          )}
          {note ? (
            <p className={styles.note} role="status">
              {note}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className={`btn btn-primary ${styles.continue}`}
          onClick={onContinue}
          disabled={!seatIds.length || holding || bookable === false || (retryIn ?? 0) > 0}
        >
          {holding ? (
            <>
              <span className={styles.spinner} aria-hidden="true" />
              Holding seats…
            </>
          ) : retryIn ? (
            `Continue (wait ${formatClock(retryIn)})`
          ) : (
            "Continue"
          )}
        </button>
      </div>
    </section>
  );
}
