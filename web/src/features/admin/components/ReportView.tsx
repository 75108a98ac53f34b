import type { ReportRow } from "@housefull/shared";
import { type ReportFilters, reportCsvUrl } from "../api/ops-api";
import { useReport } from "../hooks/queries";
import { rupees } from "../lib/words";
import styles from "./Admin.module.css";
import { FormError } from "./Field";
import { ReportChart } from "./ReportChart";
import { TableHead } from "./TableHead";

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The numbers for the filters: a chart, a table (with totals) and the same as CSV. */
export function ReportView({ filters }: { filters: ReportFilters }) {
  const report = useReport(filters);
  const rows = report.data?.rows ?? [];
  return (
    <section className={styles.panel} aria-labelledby="report-heading">
      <div className={styles.headerRow}>
        <h2 id="report-heading">Figures</h2>
        <a className="btn btn-secondary" href={reportCsvUrl(filters)} download>
          Export CSV
        </a>
      </div>
      {report.isPending ? <p className={styles.muted}>Counting…</p> : null}
      <FormError error={report.error} />
      {report.data ? (
        <>
          <ReportChart rows={rows} />
          <div className={styles.tableScroller}>
            <table className={styles.table} aria-label="Report">
              <TableHead
                columns={[
                  "Line",
                  "Shows",
                  "Sold",
                  "Occupancy",
                  "Gross",
                  "Fees",
                  "Refunds",
                  "Net",
                  "Holds → orders → paid",
                  "Hold expiry",
                  "Payment success",
                ]}
              />
              <tbody>
                {rows.map((r) => (
                  <Line key={r.key} row={r} />
                ))}
              </tbody>
              <tfoot>
                <Line row={{ ...report.data.totals, label: "Total" }} />
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Line({ row }: { row: ReportRow }) {
  const f = row.funnel;
  return (
    <tr data-key={row.key}>
      <th scope="row">{row.label}</th>
      <td>{row.shows}</td>
      <td>
        {row.seatsSold} ({row.seatsSoldOnline} online, {row.seatsSoldCounter} counter)
      </td>
      <td>{pct(row.occupancy)}</td>
      <td>{rupees(row.gross)}</td>
      <td>{rupees(row.fees)}</td>
      <td data-testid="refunds">{rupees(row.refunds)}</td>
      <td>{rupees(row.net)}</td>
      <td>
        {f.holds} → {f.orders} → {f.paid}
      </td>
      <td>{pct(f.holdExpiryRate)}</td>
      <td>{pct(f.paymentSuccessRate)}</td>
    </tr>
  );
}
