import type { AuditEntry } from "@housefull/shared";
import { useEffect, useState } from "react";
import type { AuditFilters } from "../api/ops-api";
import { useAuditPage } from "../hooks/queries";
import { showTime } from "../lib/words";
import styles from "./Admin.module.css";
import { FormError } from "./Field";
import { TableHead } from "./TableHead";

const brief = (value: unknown) => (value === null || value === undefined ? "–" : JSON.stringify(value).slice(0, 160));

/** The audit log for the filters, newest first: who, when, what, before → after; older pages on demand. */
export function AuditTable({ filters }: { filters: AuditFilters }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const page = useAuditPage(filters, cursor);
  // New filters start again from the newest entry.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the filters change
  useEffect(() => {
    setCursor(undefined);
    setOlder([]);
  }, [filters]);
  const entries = [...older, ...(page.isPlaceholderData ? [] : (page.data?.entries ?? []))];
  const next = page.data?.nextCursor;
  return (
    <section className={styles.panel} aria-labelledby="audit-heading">
      <h2 id="audit-heading">Staff actions</h2>
      {page.data?.customerDataMasked ? (
        <p className={styles.muted}>Customers' email and phone are masked for your role.</p>
      ) : null}
      <FormError error={page.error} />
      <div className={styles.tableScroller}>
        <table className={styles.table} aria-label="Audit log">
          <TableHead columns={["When", "Who", "Action", "Target", "Before", "After"]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{showTime(e.at)}</td>
                <td>
                  {e.actor.email ?? e.actor.userId.slice(0, 8)} ({e.actor.role})
                </td>
                <td>{e.action}</td>
                <td>
                  {e.target.type} {e.target.id.slice(0, 8)}
                </td>
                <td className={styles.json}>{brief(e.before)}</td>
                <td className={styles.json}>{brief(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.isSuccess && entries.length === 0 ? <p className={styles.muted}>Nothing matches.</p> : null}
      {next && !page.isPlaceholderData ? (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setOlder(entries);
            setCursor(next);
          }}
        >
          Load older
        </button>
      ) : null}
    </section>
  );
}
