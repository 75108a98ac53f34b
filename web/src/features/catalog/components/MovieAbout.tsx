import { useState } from "react";
import styles from "./MovieAbout.module.css";

/** How many lines the synopsis shows before "Read more": its place is kept for that many while loading. */
const LINES = 4;
/** About that long, the text needs more than LINES lines on a phone. */
const LONG_CHARS = 180;

/**
 * "About the movie": its place is kept while the movie loads (a heading and four lines), and the
 * text shows four lines until "Read more", so the showtimes below never move when it arrives.
 */
export function MovieAbout({ about, loading }: { about: string | null | undefined; loading: boolean }) {
  const [open, setOpen] = useState(false);
  if (!loading && !about) return null;
  const long = (about?.length ?? 0) > LONG_CHARS;
  return (
    <section className={styles.about} aria-labelledby="about-heading" aria-busy={loading}>
      <h2 id="about-heading" className={styles.title}>
        About the movie
      </h2>
      {loading ? (
        <div className={styles.lines} style={{ "--lines": LINES } as React.CSSProperties} aria-hidden="true">
          {Array.from({ length: LINES }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <span key={i} className={`skeleton ${styles.line}`} />
          ))}
        </div>
      ) : (
        <>
          <p
            className={styles.synopsis}
            data-clamped={(long && !open) || undefined}
            style={{ "--lines": LINES } as React.CSSProperties}
          >
            {about}
          </p>
          {long ? (
            <button type="button" className={`btn btn-link ${styles.more}`} onClick={() => setOpen((o) => !o)}>
              {open ? "Show less" : "Read more"}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
