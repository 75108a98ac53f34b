import { AdminLayout } from "../../features/admin/components/AdminLayout";
import { Navigate, Route, Switch } from "../../router";
import { AuditPage } from "./AuditPage";
import { MoviesAdminPage } from "./MoviesAdminPage";
import { ReportsPage } from "./ReportsPage";
import { ShowAdminPage } from "./ShowAdminPage";
import { TheatreAdminPage } from "./TheatreAdminPage";
import { TheatresAdminPage } from "./TheatresAdminPage";

/**
 * The back office (`/admin/*`): one lazy chunk of its own (src/routes.ts), never loaded by a
 * customer's page; the charting library comes with it.
 */
export default function AdminArea() {
  return (
    <AdminLayout>
      <Switch>
        <Route path="/admin">
          <Navigate to="/admin/theatres" replace />
        </Route>
        <Route path="/admin/theatres">
          <TheatresAdminPage />
        </Route>
        <Route path="/admin/theatres/:theatreId">
          <TheatreAdminPage />
        </Route>
        <Route path="/admin/movies">
          <MoviesAdminPage />
        </Route>
        <Route path="/admin/shows/:showId">
          <ShowAdminPage />
        </Route>
        <Route path="/admin/reports">
          <ReportsPage />
        </Route>
        <Route path="/admin/audit">
          <AuditPage />
        </Route>
      </Switch>
    </AdminLayout>
  );
}
