import styles from "../../features/admin/components/Admin.module.css";
import { ScreensPanel } from "../../features/admin/components/ScreensPanel";
import { ShowScheduler } from "../../features/admin/components/ShowScheduler";
import { ShowsPanel } from "../../features/admin/components/ShowsPanel";
import { StaffPanel } from "../../features/admin/components/StaffPanel";
import { TheatreForm } from "../../features/admin/components/TheatreForm";
import { useAdminTheatre } from "../../features/admin/hooks/queries";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";
import { useStaffCan } from "../../features/admin/hooks/use-staff-can";
import { useParams } from "../../router";

export function TheatreAdminPage() {
  const { theatreId = "" } = useParams();
  const theatre = useAdminTheatre(theatreId);
  const can = useStaffCan();
  useDocumentTitle(theatre.data?.name ?? "Theatre");
  if (theatre.isError) return <p role="alert">{theatre.error.message}</p>;
  if (!theatre.data) return <p className={styles.muted}>Loading…</p>;
  return (
    <>
      <h1>{theatre.data.name}</h1>
      {can("manage", { theatreId }) ? null : (
        <p className={styles.muted}>
          Your role here lets you see this theatre and admit people at the door, not change it.
        </p>
      )}
      {/* A disabled fieldset: the forms stay readable, and nothing the API would refuse is offered. */}
      <fieldset className={styles.plain} disabled={!can("manage", { theatreId })}>
        <section className={styles.panel} aria-label="Details">
          <TheatreForm key={theatre.data.id} theatre={theatre.data} onSaved={() => undefined} />
        </section>
        <ScreensPanel theatreId={theatreId} />
        <section className={styles.panel} aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Schedule shows</h2>
          <ShowScheduler theatreId={theatreId} />
        </section>
        <ShowsPanel theatreId={theatreId} />
        <StaffPanel theatreId={theatreId} />
      </fieldset>
    </>
  );
}
