import type { MiddlewareHandler } from "hono";
import type { StaffEnv } from "../accounts/session-middleware";
import { authorizeStaff } from "../accounts/use-cases/authorize-staff";
import type { Database } from "../db/client";
import { eq } from "../db/drizzle";
import { showLayout } from "../db/joins";
import { seatLayouts, shows } from "../db/schema";
import { depsOf } from "../deps";
import { DEFAULT_LAYOUT, type SeatLayout } from "../domain/seat-layout";
import type { ShowStatus } from "../domain/statuses";
import { ApiError } from "../http/errors";
import type { StaffAction } from "../shared/staff-roles";

/** A show as the back office works on it: where it plays, when, its state and its hall. */
export interface StaffShow {
  id: string;
  theatreId: string;
  movieId: string;
  startTime: string;
  status: ShowStatus;
  price: string;
  layout: SeatLayout;
}

export type ShowStaffEnv = StaffEnv & { Variables: { staffShow: StaffShow } };

async function staffShowOf(db: Database, showId: string): Promise<StaffShow | undefined> {
  const [row] = await db
    .select({
      id: shows.id,
      theatreId: shows.theatreId,
      movieId: shows.movieId,
      startTime: shows.startTime,
      status: shows.status,
      price: shows.price,
      layout: seatLayouts.layout,
    })
    .from(shows)
    .leftJoin(seatLayouts, showLayout)
    .where(eq(shows.id, showId));
  return row && { ...row, startTime: new Date(row.startTime).toISOString(), layout: row.layout ?? DEFAULT_LAYOUT };
}

/**
 * The guard of every back-office route on one show (after requireUser and the `showId` param's
 * validation): the show, then the one authorization helper on its theatre. 404 SHOW_NOT_FOUND for
 * no such show or one outside the caller's theatres (the two look the same), 403 FORBIDDEN when a
 * role there may not `action`. The show and the roles are left on `c.var`.
 */
export function requireShowStaff(action: StaffAction): MiddlewareHandler<ShowStaffEnv> {
  return async (c, next) => {
    const deps = depsOf(c);
    const show = await staffShowOf(deps.db, (c.req.param("showId") ?? "").toLowerCase());
    if (!show) throw new ApiError("SHOW_NOT_FOUND", "No such show at a theatre you work at");
    const verdict = await authorizeStaff(deps, { userId: c.var.userId, theatreId: show.theatreId, action });
    if (verdict.outcome === "NOT_FOUND") throw new ApiError("SHOW_NOT_FOUND", "No such show at a theatre you work at");
    if (verdict.outcome === "FORBIDDEN")
      throw new ApiError("FORBIDDEN", `Your role at this theatre may not ${action} this show`);
    c.set("staffRoles", verdict.roles);
    c.set("staffTheatreIds", verdict.theatreIds);
    c.set("staffShow", show);
    await next();
  };
}
