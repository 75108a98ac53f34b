import styles from "../features/door/components/Scanner.module.css";
import { ShowConflicts } from "../features/door/components/ShowConflicts";
import { useStaffGates } from "../features/door/hooks/use-staff-gates";
import { clockOf } from "../features/door/lib/gate-check";
import { useDocumentTitle } from "../lib/hooks";
import { useSearchParams } from "../router";

/**
 * /scan/conflicts[?show=ID]: where a theatre manager sees the tickets two gates admitted while
 * offline, for one of today's shows at their theatres (the gates they could stand at).
 */
export default function DoorConflictsPage() {
  useDocumentTitle("Door conflicts");
  const [params, setParams] = useSearchParams();
  const showId = params.get("show") ?? undefined;
  const { session, signedIn, gates } = useStaffGates();
  const chosen = gates.data?.find((g) => g.showId === showId);

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Door conflicts</h1>
        <a href="/scan" className="btn">
          Scanner
        </a>
      </header>
      <div className={styles.picker}>
        {session.data && !signedIn ? (
          <p>
            <a href="/sign-in?returnTo=/scan/conflicts">Sign in as staff</a> to see your theatre's door.
          </p>
        ) : null}
        {signedIn ? (
          <label className={styles.entryLabel}>
            Show
            <select
              className={styles.entryInput}
              value={showId ?? ""}
              onChange={(event) => setParams(event.target.value ? { show: event.target.value } : {})}
            >
              <option value="">Choose a show…</option>
              {(gates.data ?? []).map((g) => (
                <option key={g.showId} value={g.showId}>
                  {`${g.movieTitle} · ${clockOf(g.startTime)} · ${g.theatreName}`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {showId ? (
          <>
            {chosen ? <h2 className={styles.title}>{`${chosen.movieTitle} · ${clockOf(chosen.startTime)}`}</h2> : null}
            <ShowConflicts showId={showId} />
          </>
        ) : null}
      </div>
    </main>
  );
}
