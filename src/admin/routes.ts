import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { onsaleAdminRoutes } from "../onsale/admin-routes";
import { auditRoutes } from "./audit-routes";
import { cancellationRoutes } from "./cancellation-routes";
import { counterSaleRoutes } from "./counter-sale-routes";
import { houseSeatRoutes } from "./house-seat-routes";
import { movieRoutes } from "./movie-routes";
import { adminReportRoutes } from "./report-routes";
import { showRoutes } from "./show-routes";
import { theatreRoutes } from "./theatre-routes";

/**
 * The back office API (issue 12, docs/API.md: Back office): everything under /api/v1/admin, one
 * module per resource. Each route is behind requireUser then requireStaff — at the `theatreId` in
 * its path, at any theatre the caller works at ("any-theatre": lists), or everywhere (admins only:
 * movies, new theatres) — or requireShowStaff for the operations on one show. Every change is
 * audited in its own transaction (audit-log.ts) and published to the caches.
 */
export const adminRoutes = new Hono<AppEnv>()
  .route("/", movieRoutes)
  .route("/", theatreRoutes)
  .route("/", showRoutes)
  .route("/", auditRoutes)
  .route("/", houseSeatRoutes)
  .route("/", counterSaleRoutes)
  .route("/", cancellationRoutes)
  .route("/", adminReportRoutes)
  .route("/", onsaleAdminRoutes);
