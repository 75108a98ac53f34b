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
        <Route path="/admin/theatres" component={TheatresAdminPage} />
        <Route path="/admin/theatres/:theatreId" component={TheatreAdminPage} />
        <Route path="/admin/movies" component={MoviesAdminPage} />
        <Route path="/admin/shows/:showId" component={ShowAdminPage} />
        <Route path="/admin/reports" component={ReportsPage} />
        <Route path="/admin/audit" component={AuditPage} />
      </Switch>
    </AdminLayout>
  );
}
