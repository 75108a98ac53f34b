import type {
  AuditEntry,
  BlockHouseSeatsRequest,
  CancellationProgress,
  CounterSaleRequest,
  HouseSeatList,
  Report,
  ReportGroup,
  StaffTheatreRole,
} from "@housefull/shared";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/client";

/**
 * The back office's operations on one show (`/admin/shows/{showId}/…`, src/admin/ops-routes.ts),
 * the numbers (`/admin/reports`), the audit log and a theatre's staff, through the typed client.
 */

export const opsKeys = {
  houseSeats: (showId: string) => ["admin", "shows", showId, "house-seats"] as const,
  cancellation: (showId: string) => ["admin", "shows", showId, "cancellation"] as const,
  report: (filters: ReportFilters) => ["admin", "reports", filters] as const,
  audit: (filters: AuditFilters) => ["admin", "audit", filters] as const,
  staff: (theatreId: string) => ["admin", "theatres", theatreId, "staff"] as const,
};

const shows = api.admin.shows[":showId"];

// ---- house seats and the counter -------------------------------------------------------------

export const houseSeatsQuery = (showId: string) =>
  queryOptions({
    queryKey: opsKeys.houseSeats(showId),
    queryFn: ({ signal }): Promise<HouseSeatList> =>
      unwrap(shows["house-seats"].$get({ param: { showId } }, { init: { signal } })),
  });

export const blockHouseSeats = (showId: string, json: BlockHouseSeatsRequest) =>
  unwrap(shows["house-seats"].$post({ param: { showId }, json }));

export const unblockHouseSeats = (showId: string, seatIds: string[]) =>
  unwrap(shows["house-seats"].unblock.$post({ param: { showId }, json: { seatIds } }));

export const sellAtCounter = (showId: string, json: CounterSaleRequest) =>
  unwrap(shows["counter-sales"].$post({ param: { showId }, json }));

// ---- cancelling a show -----------------------------------------------------------------------

export const cancelShow = (showId: string, reason: string | undefined): Promise<CancellationProgress> =>
  unwrap(shows.cancellation.$post({ param: { showId }, json: reason ? { reason } : {} }));

/**
 * The job's progress, asked again every second while it runs (the show's page shows it live), and
 * on until the buyers' emails are counted too (they are sent by the email queue, a moment after
 * the job marks an order handled) — for two minutes at most.
 */
export const cancellationQuery = (showId: string) =>
  queryOptions({
    queryKey: opsKeys.cancellation(showId),
    queryFn: ({ signal }): Promise<CancellationProgress> =>
      unwrap(shows.cancellation.$get({ param: { showId } }, { init: { signal } })),
    refetchInterval: (query) => {
      const p = query.state.data;
      const settled = p?.status === "COMPLETED" && p.emailed >= p.orders.done;
      return settled || query.state.dataUpdateCount > 120 ? false : 1000;
    },
    retry: false,
  });

// ---- reports ---------------------------------------------------------------------------------

export interface ReportFilters {
  from: string;
  to: string;
  groupBy: ReportGroup;
  theatreId?: string;
}

const reportParams = (f: ReportFilters) => ({
  from: f.from,
  to: f.to,
  groupBy: f.groupBy,
  ...(f.theatreId ? { theatreId: f.theatreId } : {}),
});

export const reportQuery = (filters: ReportFilters) =>
  queryOptions({
    queryKey: opsKeys.report(filters),
    // JSON here (CSV only with ?format=csv, which this query never sends).
    queryFn: ({ signal }) =>
      unwrap(api.admin.reports.$get({ query: reportParams(filters) }, { init: { signal } })) as Promise<Report>,
  });

/** The same report as CSV: a plain link (the cookies speak), so the browser downloads it. */
export const reportCsvUrl = (filters: ReportFilters) =>
  `/api/v1/admin/reports?${new URLSearchParams({ ...reportParams(filters), format: "csv" })}`;

// ---- audit log -------------------------------------------------------------------------------

export interface AuditFilters {
  theatreId?: string;
  action?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
  customerDataMasked: boolean;
}

export const fetchAuditPage = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) => {
  const query: Record<string, string> = { limit: "50" };
  for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
  if (cursor) query.cursor = cursor;
  return unwrap(api.admin.audit.$get({ query }, { init: { signal } })) as Promise<AuditPage>;
};

// ---- staff -----------------------------------------------------------------------------------

const staff = api.admin.theatres[":theatreId"].staff;

export const staffQuery = (theatreId: string) =>
  queryOptions({
    queryKey: opsKeys.staff(theatreId),
    queryFn: ({ signal }) => unwrap(staff.$get({ param: { theatreId } }, { init: { signal } })),
  });

export const grantStaff = (theatreId: string, email: string, role: StaffTheatreRole) =>
  unwrap(staff.$post({ param: { theatreId }, json: { email, role } }));

export const revokeStaff = (theatreId: string, userId: string, role: StaffTheatreRole) =>
  unwrap(staff[":userId"][":role"].$delete({ param: { theatreId, userId, role } }));
