import styles from "./Admin.module.css";

/** What stops a back-office form or layout from saving, one line each (nothing when there is none). */
export function ProblemList({ problems, label }: { problems: string[]; label?: string }) {
  if (!problems.length) return null;
  return (
    <ul className={styles.problems} aria-label={label}>
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
