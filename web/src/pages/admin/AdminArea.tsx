import { Navigate, Route, Routes } from "react-router";
import { AdminLayout } from "../../features/admin/components/AdminLayout";
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
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<Navigate to="theatres" replace />} />
        <Route path="theatres" element={<TheatresAdminPage />} />
        <Route path="theatres/:theatreId" element={<TheatreAdminPage />} />
        <Route path="movies" element={<MoviesAdminPage />} />
        <Route path="shows/:showId" element={<ShowAdminPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="audit" element={<AuditPage />} />
      </Route>
    </Routes>
  );
}
