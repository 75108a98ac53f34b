import type { ReactNode } from "react";
import { ChevronLeftIcon } from "../../../components/Icons";
import { Poster } from "../../../components/Poster";
import { Link } from "../../../router";
import styles from "./BookingHeader.module.css";

export type BookingStep = "seats" | "details" | "payment" | "ticket";

const STEPS: { step: BookingStep; label: string }[] = [
  { step: "seats", label: "Seats" },
  { step: "details", label: "Details" },
  { step: "payment", label: "Payment" },
  { step: "ticket", label: "Ticket" },
];

interface BookingHeaderProps {
  step: BookingStep;
  back?: { to: string; label: string };
  /** The movie, when known (a skeleton line while loading); null for the steps alone. */
  title: string | undefined | null;
  posterUrl?: string | null;
  /** "PVR Phoenix, Mumbai", "Wed, 27 Nov · 7:30 PM" ... */
  lines: (string | null | undefined)[];
  /** Right-hand side: the countdown. */
  aside?: ReactNode;
}

/** The top of every booking page: where you are in the flow, what you are booking, the clock. */
export function BookingHeader({ step, back, title, posterUrl, lines, aside }: BookingHeaderProps) {
  const current = STEPS.findIndex((s) => s.step === step);
  return (
    <header className={styles.header}>
      <div className={styles.topline}>
        {back ? (
          <Link to={back.to} className={styles.back}>
            <ChevronLeftIcon size={16} />
            {back.label}
          </Link>
        ) : (
          // The link's place, so the steps beside it stay put when it appears.
          <span className={styles.back} aria-hidden="true">
            {"\u00a0"}
          </span>
        )}
        <ol className={styles.steps} aria-label="Booking steps">
          {STEPS.map((s, i) => (
            <li
              key={s.step}
              className={styles.step}
              data-state={i < current ? "done" : i === current ? "current" : "todo"}
              aria-current={i === current ? "step" : undefined}
            >
              <span className={styles.stepDot} aria-hidden="true">
                {i + 1}
              </span>
              <span className={styles.stepLabel}>{s.label}</span>
            </li>
          ))}
        </ol>
      </div>
      {title === null ? null : (
        <div className={styles.main}>
          {title ? (
            <Poster src={posterUrl ?? null} title={title} className={styles.poster} />
          ) : (
            <div className={`skeleton ${styles.poster} ${styles.posterSkeleton}`} />
          )}
          <div className={styles.info}>
            {title ? (
              <h1 className={styles.title}>{title}</h1>
            ) : (
              <div className={`skeleton ${styles.titleSkeleton}`} aria-hidden="true" />
            )}
            {lines.map((line, i) =>
              line ? (
                <p key={line} className={styles.line}>
                  {line}
                </p>
              ) : title === undefined ? (
                // Still loading: the line's height is kept, so the map below does not jump when it arrives.
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, one per slot
                <p key={`pending-${i}`} className={styles.line} aria-hidden="true">
                  {"\u00a0"}
                </p>
              ) : null,
            )}
          </div>
          {aside ? <div className={styles.aside}>{aside}</div> : null}
        </div>
      )}
    </header>
  );
}
