import { useEffect } from "react";
import type { DoorAnswer } from "../lib/check-ticket";
import styles from "./ScanAnswer.module.css";

/** How long an answer stays up before the scanner is ready for the next person. */
const SHOWN_MS = 4_000;

/** The full-screen answer: green to admit (seats, name, count), red to refuse (why). Tap for the next. */
export function ScanAnswer({ answer, onDone }: { answer: DoorAnswer; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [onDone]);

  const admit = answer.verdict === "ADMIT";
  return (
    <button
      type="button"
      className={`${styles.answer} ${admit ? styles.admit : styles.refuse}`}
      onClick={onDone}
      data-testid="scan-answer"
      data-verdict={answer.verdict}
      aria-live="assertive"
    >
      {admit && answer.admitted !== undefined ? (
        <>
          {/* "Admitted 2 of 2 — seats C4, C5 — Asha Rao", the count biggest. */}
          <span className={styles.verdict} data-testid="scan-count">
            {`Admitted ${answer.admitted.length} of ${answer.ticket.seatIds.length}`}
          </span>
          <span className={styles.count} data-testid="scan-summary">
            {[`seats ${answer.admitted.join(", ")}`, answer.holder || answer.ticket.holder].filter(Boolean).join(" — ")}
          </span>
          <span className={styles.small}>
            {answer.ticket.ticketCode}
            {answer.checkedOffline ? " · offline: will sync" : ""}
          </span>
        </>
      ) : admit ? (
        <>
          <span className={styles.verdict}>Valid ticket</span>
          <span className={styles.count}>
            {answer.ticket.seatIds.length} {answer.ticket.seatIds.length === 1 ? "person" : "people"}
          </span>
          <span className={styles.seats} data-testid="scan-seats">
            {answer.ticket.seatIds.join(" · ")}
          </span>
          {answer.ticket.holder ? <span className={styles.name}>{answer.ticket.holder}</span> : null}
          <span className={styles.small}>
            {answer.ticket.ticketCode}
            {answer.checkedOffline ? " · signature checked on this device" : ""}
          </span>
        </>
      ) : (
        <>
          <span className={styles.verdict}>Not valid</span>
          <span className={styles.reason} data-testid="scan-reason">
            {answer.reason}
          </span>
          <span className={styles.small} data-testid="scan-detail">
            {answer.detail}
          </span>
          {answer.ticket ? (
            <span className={styles.small}>
              {answer.ticket.seatIds.join(", ")} · {answer.ticket.holder}
            </span>
          ) : null}
        </>
      )}
      <span className={styles.next}>Tap for the next ticket</span>
    </button>
  );
}
