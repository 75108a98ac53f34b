import { CheckCircleIcon, InfoIcon } from "../../../components/Icons";
import { feeWords, openWindow } from "../../../lib/cancellation-words";
import { formatShowTime } from "../../../lib/format-show";
import type { ShowSummary } from "../api/shows";
import styles from "./Showtimes.module.css";

/**
 * A theatre's cancellation policy as it stands for the shows listed: the window comes from the API
 * per show (theatre cut-off and fee), so a show already inside its cut-off never reads "cancellable".
 */
export function CancellationNote({ shows, allowed }: { shows: ShowSummary[]; allowed: boolean }) {
  const open = shows.find((s) => openWindow(s.cancellation));
  if (!open?.cancellation) {
    return (
      <p className={styles.policy}>
        <InfoIcon size={14} />
        {allowed ? "Cancellation closed for these shows" : "Non-cancellable"}
      </p>
    );
  }
  const minutes = Math.round(
    (new Date(open.startTime).getTime() - new Date(open.cancellation.until).getTime()) / 60_000,
  );
  return (
    <p className={`${styles.policy} ${styles.policyYes}`}>
      <CheckCircleIcon size={14} />
      {`Cancellable until ${beforeShow(minutes)} · ${feeWords(open.cancellation)}`}
      {shows.length === 1 ? ` (${formatShowTime(open.cancellation.until)})` : null}
    </p>
  );
}

const beforeShow = (minutes: number) =>
  minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} h before the show` : `${minutes} min before the show`;
