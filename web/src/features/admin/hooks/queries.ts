import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  adminMoviesQuery,
  adminTheatreQuery,
  adminTheatresQuery,
  myRolesQuery,
  screensQuery,
  theatreShowsQuery,
} from "../api/admin-api";
import {
  type AuditFilters,
  cancellationQuery,
  fetchAuditPage,
  houseSeatsQuery,
  opsKeys,
  type ReportFilters,
  reportQuery,
  staffQuery,
} from "../api/ops-api";

/** One hook per back-office endpoint the pages read. */

export const useAdminMovies = () => useQuery(adminMoviesQuery());
export const useAdminTheatres = () => useQuery(adminTheatresQuery());
export const useAdminTheatre = (theatreId: string) => useQuery(adminTheatreQuery(theatreId));
export const useScreens = (theatreId: string) => useQuery(screensQuery(theatreId));
export const useTheatreShows = (theatreId: string) => useQuery(theatreShowsQuery(theatreId));
export const useHouseSeats = (showId: string) => useQuery(houseSeatsQuery(showId));
/** `enabled` false until the show has a cancellation (the endpoint answers 404 before). */
export const useCancellation = (showId: string, enabled: boolean) =>
  useQuery({ ...cancellationQuery(showId), enabled });
export const useReport = (filters: ReportFilters) => useQuery(reportQuery(filters));
export const useStaff = (theatreId: string) => useQuery(staffQuery(theatreId));
export const useMyRoles = () => useQuery(myRolesQuery());

/**
 * One page of the audit log (50 entries, newest first; `cursor` is the previous page's `nextCursor`).
 * Paged by hand rather than with an infinite query, which would add its observer to the shared
 * vendor chunk every customer page loads.
 */
export const useAuditPage = (filters: AuditFilters, cursor: string | undefined) =>
  useQuery({
    queryKey: [...opsKeys.audit(filters), cursor ?? ""],
    queryFn: ({ signal }) => fetchAuditPage(filters, cursor, signal),
    placeholderData: keepPreviousData,
  });
