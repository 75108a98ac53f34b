import type { QueueView } from "@housefull/shared";
import { formatShowDateTime } from "../../../lib/format-show";
import styles from "./WaitingRoom.module.css";

/** "about 3 minutes": the wait in words, rounded up (the estimate is an upper one). */
function waitWords(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 6) / 10;
  return `about ${hours} hours`;
}

/** Where the visitor stands, in words: before opening, in line, or admitted. */
export function WaitingRoom({ view }: { view: QueueView }) {
  if (view.state === "PRE_QUEUE")
    return (
      <section className={styles.room} aria-live="polite">
        <h1>You're in the pre-queue</h1>
        <p>
          The on-sale opens at <strong>{view.opensAt ? formatShowDateTime(view.opensAt) : "its opening time"}</strong>.{" "}
          {view.waiting === 1 ? "You are the only one waiting so far." : `${view.waiting} people are waiting.`}
        </p>
        <p className={styles.note}>
          At opening, everyone in the pre-queue gets a place drawn at random: arriving earlier does not put you ahead,
          so there is no need to refresh. Keep this page open; it updates itself.
        </p>
      </section>
    );
  if (view.state === "QUEUED")
    return (
      <section className={styles.room} aria-live="polite">
        <h1>You're in line</h1>
        <p>Your place in line</p>
        <p className={styles.place} data-testid="queue-place">
          {view.place}
        </p>
        <p>Estimated wait: {waitWords(view.estimatedWaitSeconds ?? 0)}.</p>
        <p className={styles.note}>Keep this page open; it updates itself. Leaving and coming back keeps your place.</p>
      </section>
    );
  return (
    <section className={styles.room} aria-live="polite">
      <h1>It's your turn</h1>
      <p>
        Choose your seats before{" "}
        <strong>{view.admission ? formatShowDateTime(view.admission.expiresAt) : "your admission ends"}</strong>.
      </p>
    </section>
  );
}
