import styles from "./Wordmark.module.css";

/**
 * The "housefull" wordmark: a ticket glyph and the name, "full" in the brand colour. `narrow="glyph"`:
 * the glyph alone on the narrowest phones (the header's link names the site).
 */
export function Wordmark({ narrow }: { narrow?: "glyph" }) {
  return (
    <span className={`${styles.wordmark} ${narrow === "glyph" ? styles.glyphWhenNarrow : ""}`}>
      <svg className={styles.glyph} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path
          d="M8 10.5A1.5 1.5 0 0 1 9.5 9h13a1.5 1.5 0 0 1 1.5 1.5V13a3 3 0 0 0 0 6v2.5a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 8 21.5V19a3 3 0 0 0 0-6z"
          fill="#fff"
        />
        <path d="M19 9v14" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 2" />
      </svg>
      <span className={styles.text}>
        house<span className={styles.accent}>full</span>
      </span>
    </span>
  );
}
