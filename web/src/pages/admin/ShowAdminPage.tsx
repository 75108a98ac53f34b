import styles from "../../features/admin/components/Admin.module.css";
import { CancelShowPanel } from "../../features/admin/components/CancelShowPanel";
import { SeatOpsPanel } from "../../features/admin/components/SeatOpsPanel";
import { SeatRulesForm } from "../../features/admin/components/SeatRulesForm";
import { useAdminMovies, useTheatreShows } from "../../features/admin/hooks/queries";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";
import { useStaffCan } from "../../features/admin/hooks/use-staff-can";
import { showTime } from "../../features/admin/lib/words";
import { OnsalePanel } from "../../features/onsale/components/OnsalePanel";
import { Link, useParams, useSearchParams } from "../../router";

/** One show: its seat rules, its seats (house seats, counter sales) and its cancellation, with live progress. */
export function ShowAdminPage() {
  const { showId = "" } = useParams();
  const [search] = useSearchParams();
  const theatreId = search.get("theatre") ?? "";
  const shows = useTheatreShows(theatreId);
  const canManage = useStaffCan()("manage", { theatreId });
  const movies = useAdminMovies();
  const show = shows.data?.shows.find((s) => s.id === showId);
  const title = movies.data?.movies.find((m) => m.id === show?.movieId)?.title;
  useDocumentTitle(title ?? "Show");
  return (
    <>
      <p>
        <Link to={`/admin/theatres/${theatreId}`}>← The theatre</Link>
      </p>
      <h1>{title ?? "Show"}</h1>
      {show ? (
        <p className={styles.muted} data-testid="show-status">
          {showTime(show.startTime)} · {show.language} · {show.format} · {show.status} · {show.seatsSold} seats sold ·
          sales {show.salesOpen ? "open" : "closed"} · {show.orphanRule ? "seats kept together" : "any seats"}
        </p>
      ) : null}
      {canManage && show && show.status !== "CANCELLED" ? (
        <SeatRulesForm theatreId={theatreId} showId={showId} orphanRule={show.orphanRule} />
      ) : null}
      {canManage && show && show.status !== "CANCELLED" ? <SeatOpsPanel showId={showId} /> : null}
      {canManage && show && show.status !== "CANCELLED" ? (
        <OnsalePanel theatreId={theatreId} showId={showId} eventId={show.onsaleEventId} />
      ) : null}
      {canManage && show ? <CancelShowPanel showId={showId} cancelled={show.status === "CANCELLED"} /> : null}
    </>
  );
}
