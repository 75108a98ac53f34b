import { cinemaInstant } from "@housefull/shared";
import { useState } from "react";
import type { AuditFilters } from "../../features/admin/api/ops-api";
import styles from "../../features/admin/components/Admin.module.css";
import { AuditTable } from "../../features/admin/components/AuditTable";
import { Field } from "../../features/admin/components/Field";
import { TheatreSelect } from "../../features/admin/components/TheatreSelect";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";

const dayStart = (day: string) => (day ? cinemaInstant(day, "00:00:00") : undefined);
const dayEnd = (day: string) => (day ? cinemaInstant(day, "23:59:59") : undefined);

export function AuditPage() {
  useDocumentTitle("Audit log");
  const [draft, setDraft] = useState({ theatreId: "", action: "", from: "", to: "" });
  const [filters, setFilters] = useState<AuditFilters>({});
  return (
    <>
      <h1>Audit log</h1>
      <form
        className={styles.inline}
        aria-label="Audit filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({
            theatreId: draft.theatreId || undefined,
            action: draft.action.trim() || undefined,
            from: dayStart(draft.from),
            to: dayEnd(draft.to),
          });
        }}
      >
        <Field label="Theatre">
          <TheatreSelect value={draft.theatreId} onChange={(theatreId) => setDraft({ ...draft, theatreId })} />
        </Field>
        <Field label="Action">
          <input
            placeholder="show.cancel, or show"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </Field>
        <Field label="From">
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label="To">
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-secondary">
          Filter
        </button>
      </form>
      <AuditTable filters={filters} />
    </>
  );
}
