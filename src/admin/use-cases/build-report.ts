import type { Deps } from "../../deps";
import { reportOf } from "../../domain/report";
import type { Report, ReportQuery } from "../../shared/admin-ops-schemas";
import { cinemaDayBounds } from "../../shared/cinema-time";
import { showFigures } from "../report-store";

export type BuildReportOutcome = { outcome: "REPORT"; report: Report } | { outcome: "THEATRE_NOT_FOUND" };

/**
 * The numbers of the shows on the cinema days `from`…`to` at the theatres the caller manages
 * (docs/API.md: Back office, reports), narrowed to one theatre or movie if asked, grouped by show,
 * day, movie or theatre. Every figure comes from the database in one round trip; a theatre outside
 * the caller's scope is not found, as everywhere in the back office.
 */
export async function buildReport(
  deps: Deps,
  input: { query: ReportQuery; theatreIds: string[] | "all" },
): Promise<BuildReportOutcome> {
  const { query } = input;
  let theatreIds = input.theatreIds;
  if (query.theatreId) {
    if (theatreIds !== "all" && !theatreIds.includes(query.theatreId)) return { outcome: "THEATRE_NOT_FOUND" };
    theatreIds = [query.theatreId];
  }
  const figures = await showFigures(deps.db, {
    from: cinemaDayBounds(query.from).from,
    to: cinemaDayBounds(query.to).to,
    theatreIds,
    movieId: query.movieId,
  });
  const { rows, totals } = reportOf(figures, query.groupBy);
  return {
    outcome: "REPORT",
    report: { groupBy: query.groupBy, from: query.from, to: query.to, theatreIds, rows, totals },
  };
}
