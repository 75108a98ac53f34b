import type { ReactNode, Ref } from "react";
import { formatClock } from "../../../lib/countdown";
import { formatPrice } from "../../../lib/format-show";
import { countWords } from "../hooks/use-seat-selection";
import styles from "./SelectionBar.module.css";

interface SelectionBarProps {
  seatIds: readonly string[];
  total: string;
  maxSeats: number;
  /** The number asked for ("How many seats?"); Continue waits for the whole group. */
  quantity: number | null;
  /** What went wrong with the selection, said right here where the visitor is looking. */
  problem: ReactNode;
  bookable: boolean | undefined;
  note: string | null;
  holding: boolean;
  /** Seconds until a rate-limited Continue may be pressed again. */
  retryIn: number | null;
  onContinue: () => void;
  ref?: Ref<HTMLElement>;
}

/** The selection, its total and Continue, stuck to the bottom of the screen; problems with it just above. */
export function SelectionBar({
  seatIds,
  total,
  maxSeats,
  quantity,
  problem,
  bookable,
  note,
  holding,
  retryIn,
  onContinue,
  ref,
}: SelectionBarProps) {
  const missing = quantity ? quantity - seatIds.length : 0;
  return (
    <section ref={ref} className={styles.bar} aria-label="Your selection">
      {problem ? <div className={styles.problem}>{problem}</div> : null}
      <div className={styles.barInner}>
        <div className={styles.summary}>
          {seatIds.length ? (
            <>
              <p className={styles.count}>
                {countWords(seatIds.length)}
                <span className={styles.seatIds}>{seatIds.join(", ")}</span>
                {missing > 0 ? <span className={styles.more}>pick {missing} more</span> : null}
              </p>
              <p className={styles.total}>
                <span className="visually-hidden">Total </span>
                {formatPrice(total)}
              </p>
            </>
          ) : (
            <p className={styles.hint}>
              {bookable === false
                ? "This show isn't taking bookings"
                : quantity
                  ? `Pick ${countWords(quantity)}`
                  : `Pick up to ${maxSeats} seats`}
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
          disabled={!seatIds.length || missing > 0 || holding || bookable === false || (retryIn ?? 0) > 0}
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
