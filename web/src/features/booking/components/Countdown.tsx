import { type ReactNode, useEffect, useRef } from "react";
import { formatClock, spokenDuration, useCountdown } from "../../../lib/countdown";
import styles from "./Countdown.module.css";

interface CountdownProps {
  /** The server's deadline (ISO-8601). */
  expiresAt: string;
  /** "Seats held for" / "Complete payment in". */
  label: string;
  /** Called once at zero. */
  onExpire: () => void;
  /** Speaks the one-minute warning (and others) through the page's live region. */
  announce?: (message: string) => void;
  /** What the warning is about: "to complete your booking". */
  warningContext?: string;
  /** Beside the show on a phone: the clock without its words (the timer's name still says them). */
  compact?: boolean;
}

const URGENT_SECONDS = 60;

/** A hold or payment countdown: calm until the last minute, then urgent (and said out loud once). */
export function Countdown({
  expiresAt,
  label,
  onExpire,
  announce,
  warningContext = "to complete your booking",
  compact = false,
}: CountdownProps) {
  const seconds = useCountdown(expiresAt, onExpire);
  const warned = useRef(false);
  const urgent = seconds !== null && seconds <= URGENT_SECONDS;

  useEffect(() => {
    if (seconds === null || seconds === 0) return;
    if (urgent && !warned.current) {
      warned.current = true;
      announce?.(`Hurry: ${spokenDuration(seconds)} left ${warningContext}.`);
    }
  }, [urgent, seconds, announce, warningContext]);

  if (seconds === null) return null;
  return (
    <div className={`${styles.countdown} ${urgent ? styles.urgent : ""}`} data-urgent={urgent || undefined}>
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 9v4l2.5 2M9.5 2.5h5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className={`${styles.label} ${compact ? styles.wideLabel : ""}`}>
        {urgent ? "Under a minute left:" : label}
      </span>
      {/* role=timer is not announced on every tick; the warning above is. */}
      <span className={styles.clock} role="timer" aria-label={`${label} ${spokenDuration(seconds)}`}>
        {formatClock(seconds)}
      </span>
    </div>
  );
}

/** The countdown's place while nothing is held yet: the same size, nothing shown or said. */
export function CountdownPlaceholder({ compact = false }: { compact?: boolean }) {
  return (
    <div className={`${styles.countdown} ${styles.placeholder}`} aria-hidden="true">
      <span className={styles.icon} />
      <span className={`${styles.label} ${compact ? styles.wideLabel : ""}`}>Seats held for</span>
      <span className={styles.clock}>0:00</span>
    </div>
  );
}

/** Keeps a countdown in view while the page scrolls (checkout and pay: long on a phone). */
export function CountdownDock({ children }: { children: ReactNode }) {
  return <div className={styles.dock}>{children}</div>;
}
