import { type ReactNode, useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { friendlyError } from "../lib/errors";
import { Link } from "../router";
import { FilmIcon, InfoIcon, RefreshIcon } from "./Icons";
import styles from "./StatusViews.module.css";

interface ErrorStateProps {
  error: unknown;
  /** Shown as a "Try again" button when the error is worth retrying. */
  onRetry?: () => void;
  /** What failed to load, for "We couldn't find <what>". */
  what?: string;
  /** Extra actions (e.g. a link home). */
  children?: ReactNode;
  compact?: boolean;
}

/** A failed load, in words: what happened and what to do next. */
export function ErrorState({ error, onRetry, what, children, compact }: ErrorStateProps) {
  const friendly = friendlyError(error, what);
  return (
    <section className={`${styles.box} ${compact ? styles.compact : ""}`} role="alert" aria-live="assertive">
      <span className={`${styles.badge} ${styles.badgeError}`}>
        <InfoIcon size={compact ? 22 : 28} />
      </span>
      <h2 className={styles.title}>{friendly.title}</h2>
      <p className={styles.description}>{friendly.description}</p>
      {(onRetry && friendly.retryable) || children ? (
        <div className={styles.actions}>
          {onRetry && friendly.retryable ? (
            <button type="button" className="btn btn-primary" onClick={onRetry}>
              <RefreshIcon size={16} />
              Try again
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </section>
  );
}

/** A way forward: a link drawn as the primary button. */
export interface WayForward {
  to: string;
  label: string;
}

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** The way forward, as the primary button. */
  action?: WayForward;
  /** Other actions, after it. */
  children?: ReactNode;
  icon?: ReactNode;
  compact?: boolean;
  /** 1 when the state is the whole page (the 404): the page's one heading. */
  level?: 1 | 2;
}

/** Nothing to show, with a way forward. */
export function EmptyState({ title, description, action, children, icon, compact, level = 2 }: EmptyStateProps) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <section className={`${styles.box} ${compact ? styles.compact : ""}`} aria-live="polite">
      <span className={styles.badge}>{icon ?? <FilmIcon size={compact ? 22 : 28} />}</span>
      <Heading className={styles.title}>{title}</Heading>
      {description ? <p className={styles.description}>{description}</p> : null}
      {action || children ? (
        <div className={styles.actions}>
          {action ? (
            <Link to={action.to} className="btn btn-primary">
              {action.label}
            </Link>
          ) : null}
          {children}
        </div>
      ) : null}
    </section>
  );
}

interface LoadFailedProps {
  error: unknown;
  /** What was being loaded, for the error's words ("this booking"). */
  what: string;
  /** What to say when the API answers 400/404 (a wrong link, another device's booking): it is not there. */
  missing: { title: string; description: string; action: WayForward };
  onRetry: () => void;
  /** Shown above the message (e.g. the page's header). */
  header?: ReactNode;
  /** Extra actions beside "Try again". */
  children?: ReactNode;
}

/** A page whose one thing failed to load: "not there" for 400/404, otherwise the error and a retry. */
export function LoadFailed({ error, what, missing, onRetry, header, children }: LoadFailedProps) {
  const notThere = error instanceof ApiError && [400, 404].includes(error.status);
  return (
    <div className="container">
      {header}
      {notThere ? (
        <EmptyState title={missing.title} description={missing.description} action={missing.action} />
      ) : (
        <ErrorState error={error} what={what} onRetry={onRetry}>
          {children}
        </ErrorState>
      )}
    </div>
  );
}

/** Fallback while a page's code loads; waits a moment so fast loads don't flash it. */
export function PageLoading() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 250);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className={styles.loading} role="status" aria-live="polite">
      {visible ? (
        <>
          <span className={styles.spinner} aria-hidden="true" />
          <span className="visually-hidden">Loading…</span>
        </>
      ) : null}
    </div>
  );
}
