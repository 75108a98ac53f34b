import { useShowConflicts } from "../hooks/use-show-conflicts";
import { clockOf } from "../lib/gate-check";
import styles from "./ShowConflicts.module.css";

/**
 * A manager's view of one show's door conflicts: seats two gates admitted while offline (the first
 * admission stands; the second scan is listed with it). Self-contained — it fetches and refreshes
 * its own data — so the back office can mount it as it is: `<ShowConflicts showId={…} />`.
 */
export function ShowConflicts({ showId }: { showId: string }) {
  const conflicts = useShowConflicts(showId);
  const rows = conflicts.data?.conflicts ?? [];

  let body: React.ReactNode;
  if (conflicts.isPending) body = <p className={styles.note}>Loading the door's conflicts…</p>;
  else if (conflicts.data?.status === 0)
    body = <p className={styles.note}>You seem to be offline. The list comes back with the network.</p>;
  else if (conflicts.data && conflicts.data.status !== 200)
    body = <p className={styles.note}>This show is not one of your theatre's, or your role may not see its door.</p>;
  else if (rows.length === 0) body = <p className={styles.note}>No conflicts: no seat was admitted at two gates.</p>;
  else
    body = (
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Seat</th>
            <th scope="col">First admitted</th>
            <th scope="col">Admitted again</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.orderId}-${c.seatId}-${c.second.scannedAt}`} data-testid="door-conflict">
              <td>{c.ticketCode ?? c.orderId}</td>
              <td>{c.seatId}</td>
              <td>{`${c.first.gate}, ${clockOf(c.first.admittedAt)}`}</td>
              <td>{`${c.second.gate}, ${clockOf(c.second.scannedAt)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <section
      className={styles.panel}
      aria-label="Door conflicts"
      data-testid="show-conflicts"
      data-count={conflicts.data?.status === 200 ? rows.length : ""}
    >
      {body}
      {rows.length > 0 ? (
        <p className={styles.note}>
          Each ticket here got in twice while the gates were offline: check who is in the seat.
        </p>
      ) : null}
    </section>
  );
}
