import type { Database } from "../db/client";
import type { AnyPgColumn } from "../db/drizzle";
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from "../db/drizzle";
import { orderShow, showMovie, showTheatre } from "../db/joins";
import { houseSeats, movies, orders, seatLayouts, shows, theatres } from "../db/schema";
import type { ShowFigures } from "../domain/report";
import { DEFAULT_LAYOUT, type SeatLayout, seatIdsOf } from "../domain/seat-layout";
import { toPaise } from "../shared/money";
import { showFunnelCounts } from "./ops-tables";

/**
 * The numbers' SQL (docs/API.md: Back office, reports): every figure of every show in scope in one
 * query — orders aggregated per show with `FILTER`, house seats and the hold counters beside them —
 * plus the halls they play in. One round trip (a batch of two reads).
 */

export interface ReportScope {
  /** [from, to) in UTC: the cinema days asked for. */
  from: Date;
  to: Date;
  theatreIds: string[] | "all";
  movieId?: string;
}

const online = sql`${orders.paymentMethod} = 'online'`;
const counter = sql`${orders.paymentMethod} = 'counter'`;
const confirmed = sql`${orders.status} = 'CONFIRMED'`;
const paid = sql`${orders.paidAt} is not null`;

const count = (where: SQL) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
const seats = (where: SQL) =>
  sql<number>`coalesce(sum(cardinality(${orders.seatIds})) filter (where ${where}), 0)`.mapWith(Number);
const money = (column: AnyPgColumn, where: SQL) =>
  sql<string>`coalesce(sum(${column}) filter (where ${where}), 0)::text`;

export async function showFigures(db: Database, scope: ReportScope): Promise<ShowFigures[]> {
  const inScope = and(
    gte(shows.startTime, scope.from.toISOString()),
    lt(shows.startTime, scope.to.toISOString()),
    scope.theatreIds === "all" ? undefined : inArray(shows.theatreId, scope.theatreIds),
    scope.movieId ? eq(shows.movieId, scope.movieId) : undefined,
  );
  const byShow = db
    .select({
      showId: orders.showId,
      orders: sql<number>`count(*)`.mapWith(Number).as("orders"),
      paymentsStarted: count(sql`${online} and ${orders.paymentSessionId} is not null`).as("payments_started"),
      paid: count(sql`${orders.confirmedAt} is not null`).as("paid"),
      paidOnline: count(sql`${orders.confirmedAt} is not null and ${online}`).as("paid_online"),
      seatsSold: seats(confirmed).as("seats_sold"),
      seatsSoldCounter: seats(sql`${confirmed} and ${counter}`).as("seats_sold_counter"),
      gross: money(orders.amount, paid).as("gross"),
      grossCounter: money(orders.amount, sql`${paid} and ${counter}`).as("gross_counter"),
      fees: money(orders.convenienceFee, paid).as("fees"),
      refunds: money(orders.refundAmount, sql`${orders.refundStatus} is not null`).as("refunds"),
    })
    .from(orders)
    .innerJoin(shows, orderShow)
    .where(inScope)
    .groupBy(orders.showId)
    .as("by_show");
  const house = db
    .select({ showId: houseSeats.showId, seats: sql<number>`count(*)`.mapWith(Number).as("house_seats") })
    .from(houseSeats)
    .groupBy(houseSeats.showId)
    .as("house");

  const [rows, layouts] = await db.batch([
    db
      .select({
        showId: shows.id,
        startTime: shows.startTime,
        layoutId: shows.layoutId,
        movieId: movies.id,
        movieTitle: movies.title,
        theatreId: theatres.id,
        theatreName: theatres.name,
        orders: byShow.orders,
        paymentsStarted: byShow.paymentsStarted,
        paid: byShow.paid,
        paidOnline: byShow.paidOnline,
        seatsSold: byShow.seatsSold,
        seatsSoldCounter: byShow.seatsSoldCounter,
        gross: byShow.gross,
        grossCounter: byShow.grossCounter,
        fees: byShow.fees,
        refunds: byShow.refunds,
        houseSeats: house.seats,
        holds: showFunnelCounts.holds,
        holdsReleased: showFunnelCounts.holdsReleased,
      })
      .from(shows)
      .innerJoin(movies, showMovie)
      .innerJoin(theatres, showTheatre)
      .leftJoin(byShow, eq(byShow.showId, shows.id))
      .leftJoin(house, eq(house.showId, shows.id))
      .leftJoin(showFunnelCounts, eq(showFunnelCounts.showId, shows.id))
      .where(inScope)
      .orderBy(asc(shows.startTime), asc(shows.id)),
    db
      .select({ id: seatLayouts.id, layout: seatLayouts.layout })
      .from(seatLayouts)
      .where(inArray(seatLayouts.id, db.select({ id: shows.layoutId }).from(shows).where(inScope))),
  ]);
  const capacityOf = new Map(layouts.map((l) => [l.id, seatIdsOf(l.layout as SeatLayout).length]));
  const defaultCapacity = seatIdsOf(DEFAULT_LAYOUT).length;
  const paise = (amount: string | null) => (amount === null ? 0 : toPaise(amount));
  return rows.map((r) => ({
    showId: r.showId,
    startTime: new Date(r.startTime).toISOString(),
    movieId: r.movieId,
    movieTitle: r.movieTitle,
    theatreId: r.theatreId,
    theatreName: r.theatreName,
    capacity: (r.layoutId && capacityOf.get(r.layoutId)) || defaultCapacity,
    houseSeats: r.houseSeats ?? 0,
    seatsSold: r.seatsSold ?? 0,
    seatsSoldCounter: r.seatsSoldCounter ?? 0,
    grossPaise: paise(r.gross),
    grossCounterPaise: paise(r.grossCounter),
    feesPaise: paise(r.fees),
    refundsPaise: paise(r.refunds),
    holds: r.holds ?? 0,
    holdsReleased: r.holdsReleased ?? 0,
    orders: r.orders ?? 0,
    paymentsStarted: r.paymentsStarted ?? 0,
    paid: r.paid ?? 0,
    paidOnline: r.paidOnline ?? 0,
  }));
}
