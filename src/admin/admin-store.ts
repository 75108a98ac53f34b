import { users } from "../accounts/tables";
import type { Database } from "../db/client";
import { and, asc, desc, eq, exists, gt, inArray, isNotNull, lt, max, ne, or, type SQL, sql } from "../db/drizzle";
import { showLayout } from "../db/joins";
import { movies, orderSeats, screens, seatLayouts, shows, theatres } from "../db/schema";
import type { SeatLayout } from "../domain/seat-layout";
import { staffActions } from "./tables";

/** The back office's SQL (the writes' audit rows come from audit-log.ts, batched with them). */

export type MovieRow = typeof movies.$inferSelect;
export type TheatreRow = typeof theatres.$inferSelect;
export type ShowRow = typeof shows.$inferSelect;

/** Every movie, retired ones too, by title. */
export const allMovies = (db: Database): Promise<MovieRow[]> => db.select().from(movies).orderBy(asc(movies.title));

export async function movieById(db: Database, movieId: string): Promise<MovieRow | undefined> {
  const [row] = await db.select().from(movies).where(eq(movies.id, movieId));
  return row;
}

export async function theatreById(db: Database, theatreId: string): Promise<TheatreRow | undefined> {
  const [row] = await db.select().from(theatres).where(eq(theatres.id, theatreId));
  return row;
}

export async function theatresIn(db: Database, theatreIds: string[] | "all"): Promise<TheatreRow[]> {
  if (theatreIds !== "all" && theatreIds.length === 0) return [];
  return db
    .select()
    .from(theatres)
    .where(theatreIds === "all" ? undefined : inArray(theatres.id, theatreIds))
    .orderBy(asc(theatres.name), asc(theatres.id));
}

/** A screen of the theatre with its newest layout version (null: the default hall). */
export async function screenOf(db: Database, theatreId: string, screenId: string) {
  return (await screensOf(db, theatreId, eq(screens.id, screenId)))[0];
}

export async function screensOf(db: Database, theatreId: string, where?: SQL) {
  const newest = db
    .select({
      screenId: sql<string>`${seatLayouts.screenId}`.as("newest_screen_id"),
      version: max(seatLayouts.version).as("newest_version"),
    })
    .from(seatLayouts)
    .groupBy(seatLayouts.screenId)
    .as("newest");
  return db
    .select({ screen: screens, layout: seatLayouts })
    .from(screens)
    .leftJoin(newest, eq(newest.screenId, screens.id))
    .leftJoin(seatLayouts, and(eq(seatLayouts.screenId, screens.id), eq(seatLayouts.version, newest.version)))
    .where(and(eq(screens.theatreId, theatreId), where))
    .orderBy(asc(screens.name));
}

/** Whether any show scheduled on this layout version has sold (or is selling) a seat. */
export async function layoutHasSales(db: Database, layoutId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: shows.id })
    .from(shows)
    .where(
      and(
        eq(shows.layoutId, layoutId),
        exists(db.select({ one: sql`1` }).from(orderSeats).where(eq(orderSeats.showId, shows.id))),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export const showIdsOnLayout = async (db: Database, layoutId: string) =>
  (await db.select({ id: shows.id }).from(shows).where(eq(shows.layoutId, layoutId))).map((r) => r.id);

export const layoutRow = (layout: SeatLayout) => ({
  layout,
  rows: layout.rows.length,
  cols: Math.max(...layout.rows.map((r) => r.columns.length)),
});

// The outer show named with its table: in a select from `shows` alone drizzle leaves `${shows.id}`
// unqualified, and inside the subquery that would be order_seats' own show_id (every seat sold anywhere).
const seatsSold =
  sql<number>`(select count(*) from ${orderSeats} where ${orderSeats.showId} = ${shows}.${sql.identifier(shows.id.name)})`.mapWith(
    Number,
  );

export async function showAt(db: Database, theatreId: string, showId: string) {
  const [row] = await db
    .select({ show: shows, seatsSold, layout: seatLayouts.layout })
    .from(shows)
    .leftJoin(seatLayouts, showLayout)
    .where(and(eq(shows.id, showId), eq(shows.theatreId, theatreId)));
  return row;
}

export async function showsAt(db: Database, theatreId: string, window: { from: Date; to: Date }) {
  return db
    .select({ show: shows, seatsSold })
    .from(shows)
    .where(
      and(
        eq(shows.theatreId, theatreId),
        gt(shows.startTime, window.from.toISOString()),
        lt(shows.startTime, window.to.toISOString()),
      ),
    )
    .orderBy(asc(shows.startTime));
}

/** Live shows of the screen whose [start, hall free) meets any of the ranges. */
export async function clashesIn(db: Database, screenId: string, ranges: { start: Date; end: Date }[]) {
  if (ranges.length === 0) return [];
  const meets = ranges.map(
    (r) =>
      sql`tstzrange(${shows.startTime}, ${shows.hallFreeAt}, '[)') && tstzrange(${r.start.toISOString()}::timestamptz, ${r.end.toISOString()}::timestamptz, '[)')`,
  );
  return db
    .select({ id: shows.id, startTime: shows.startTime, hallFreeAt: shows.hallFreeAt, movieId: shows.movieId })
    .from(shows)
    .where(and(eq(shows.screenId, screenId), ne(shows.status, "CANCELLED"), isNotNull(shows.hallFreeAt), or(...meets)))
    .orderBy(asc(shows.startTime));
}

// ---- audit -----------------------------------------------------------------------------------

export interface AuditFilter {
  theatreIds: string[] | "all";
  theatreId?: string;
  actorUserId?: string;
  /** `show.create` exactly, or `show` for every action on shows. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  /** Older than this (at, id). */
  before?: { at: string; id: string };
  limit: number;
}

export async function auditPage(db: Database, filter: AuditFilter) {
  const where: (SQL | undefined)[] = [
    filter.theatreIds === "all" ? undefined : inArray(staffActions.theatreId, filter.theatreIds),
    filter.theatreId ? eq(staffActions.theatreId, filter.theatreId) : undefined,
    filter.actorUserId ? eq(staffActions.actorUserId, filter.actorUserId) : undefined,
    filter.action
      ? filter.action.includes(".")
        ? eq(staffActions.action, filter.action)
        : sql`${staffActions.action} like ${`${filter.action}.%`}`
      : undefined,
    filter.targetType ? eq(staffActions.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(staffActions.targetId, filter.targetId) : undefined,
    filter.from ? sql`${staffActions.at} >= ${filter.from}::timestamptz` : undefined,
    filter.to ? sql`${staffActions.at} < ${filter.to}::timestamptz` : undefined,
    filter.before
      ? sql`(${staffActions.at}, ${staffActions.id}) < (${filter.before.at}::timestamptz, ${filter.before.id}::uuid)`
      : undefined,
  ];
  if (filter.theatreIds !== "all" && filter.theatreIds.length === 0) return [];
  return db
    .select({ entry: staffActions, actorEmail: users.email })
    .from(staffActions)
    .leftJoin(users, eq(users.id, staffActions.actorUserId))
    .where(and(...where))
    .orderBy(desc(staffActions.at), desc(staffActions.id))
    .limit(filter.limit + 1);
}
