import { Link } from "../../../router";
import { useSetSales } from "../hooks/mutations";
import { useAdminMovies, useScreens, useTheatreShows } from "../hooks/queries";
import { showTime } from "../lib/words";
import styles from "./Admin.module.css";
import { FormError } from "./Field";
import { TableHead } from "./TableHead";

/** A theatre's shows: when, what, where, sold; sales open or closed; each show's own page. */
export function ShowsPanel({ theatreId }: { theatreId: string }) {
  const shows = useTheatreShows(theatreId);
  const movies = useAdminMovies();
  const screens = useScreens(theatreId);
  const sales = useSetSales(theatreId);
  const title = new Map(movies.data?.movies.map((m) => [m.id, m.title]));
  const screenName = new Map(screens.data?.screens.map((s) => [s.id, s.name]));
  const list = [...(shows.data?.shows ?? [])].sort((a, b) => a.startTime.localeCompare(b.startTime));
  return (
    <section className={styles.panel} aria-labelledby="shows-heading">
      <h2 id="shows-heading">Shows</h2>
      {shows.isPending ? <p className={styles.muted}>Loading shows…</p> : null}
      {list.length === 0 && shows.isSuccess ? <p className={styles.muted}>No shows scheduled.</p> : null}
      <FormError error={sales.error} />
      {list.length ? (
        <table className={styles.table}>
          <TableHead columns={["Starts", "Movie", "Screen", "Status", "Sold", "Sales", ""]} />
          <tbody>
            {list.map((s) => (
              <tr key={s.id} data-show-id={s.id}>
                <td>{showTime(s.startTime)}</td>
                <td>{title.get(s.movieId) ?? "…"}</td>
                <td>{(s.screenId && screenName.get(s.screenId)) ?? "–"}</td>
                <td>{s.status}</td>
                <td>{s.seatsSold}</td>
                <td>
                  {s.status === "CANCELLED" ? (
                    "–"
                  ) : (
                    <button
                      type="button"
                      className="btn btn-link"
                      disabled={sales.isPending}
                      onClick={() => sales.mutate({ showId: s.id, open: !s.salesOpen })}
                    >
                      {s.salesOpen ? "Close sales" : "Open sales"}
                    </button>
                  )}
                </td>
                <td>
                  <Link to={`/admin/shows/${s.id}?theatre=${theatreId}`}>Manage show</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
