import { addCinemaDays, cinemaToday, REPORT_GROUPS, type ReportGroup } from "@housefull/shared";
import { useState } from "react";
import type { ReportFilters } from "../../features/admin/api/ops-api";
import styles from "../../features/admin/components/Admin.module.css";
import { Field } from "../../features/admin/components/Field";
import { ReportView } from "../../features/admin/components/ReportView";
import { TheatreSelect } from "../../features/admin/components/TheatreSelect";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";

export function ReportsPage() {
  useDocumentTitle("Reports");
  const today = cinemaToday();
  const [filters, setFilters] = useState<ReportFilters>({
    from: addCinemaDays(today, -7),
    to: addCinemaDays(today, 14),
    groupBy: "show",
  });
  const set = (change: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...change }));
  return (
    <>
      <h1>Reports</h1>
      <form className={styles.inline} aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="From">
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </Field>
        <Field label="To">
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </Field>
        <Field label="Per">
          <select value={filters.groupBy} onChange={(e) => set({ groupBy: e.target.value as ReportGroup })}>
            {REPORT_GROUPS.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </Field>
        <Field label="Theatre">
          <TheatreSelect
            value={filters.theatreId ?? ""}
            onChange={(theatreId) => set({ theatreId: theatreId || undefined })}
          />
        </Field>
      </form>
      <ReportView filters={filters} />
    </>
  );
}
