import { Hono } from "hono";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { reportCsv } from "../domain/report";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, SchemaDoc, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { reportQuery, reportSchema } from "../shared/admin-ops-schemas";
import { adminErrors } from "./route-docs";
import { buildReport } from "./use-cases/build-report";

/** CSV when the client asks for it by `?format=csv` or by `Accept: text/csv` (and not for JSON first). */
const wantsCsv = (format: string | undefined, accept: string | undefined) =>
  format === "csv" || (format === undefined && /\btext\/csv\b/i.test(accept ?? "") && !/json/i.test(accept ?? ""));

/** The numbers (docs/API.md: Back office, reports): managers of their theatres, admins of all. */
export const adminReportRoutes = new Hono<AppEnv>().get(
  "/admin/reports",
  ROUTE_DOCS
    ? describeRoute({
        tags: ["Back office"],
        summary:
          "Seats sold, occupancy, gross, fees, refunds, counter vs online and the booking funnel, per show, day, movie or theatre (managers: their theatres; admins: all)",
        description:
          "Days are the cinemas' calendar days of the shows' start (`from`…`to`, inclusive, at most 366). Every figure is counted in Postgres in one round trip; holds come from a per-show counter written after each hold's response. `?format=csv` or `Accept: text/csv` answers the same lines as CSV (RFC 4180, a totals line last).",
        responses: {
          200: {
            description: "The report (JSON, or CSV when asked)",
            content: {
              "application/json": { schema: new SchemaDoc(reportSchema) },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...adminErrors(),
        },
      })
    : undocumented,
  requireUser,
  requireStaff("manage", "any-theatre"),
  validate("query", reportQuery),
  async (c) => {
    const query = c.req.valid("query");
    const result = await buildReport(depsOf(c), { query, theatreIds: c.var.staffTheatreIds });
    if (result.outcome !== "REPORT") throw new ApiError("THEATRE_NOT_FOUND", "No such theatre, or not one you manage");
    const { report } = result;
    if (!wantsCsv(query.format, c.req.header("accept"))) return c.json(report, 200, noStore);
    const filename = `housefull-${report.groupBy}-${report.from}-${report.to}.csv`;
    return c.body(reportCsv(report), 200, {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      Vary: "Accept",
    });
  },
);
