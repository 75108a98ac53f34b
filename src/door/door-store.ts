import { userRoles } from "../accounts/tables";
import type { Database } from "../db/client";
import { and, asc, between, eq, exists, inArray, isNotNull, isNull, ne, or } from "../db/drizzle";
import { movies, orders, shows, theatres } from "../db/schema";
import type { DoorShow } from "./door-rules";
import { type CheckinRow, checkinConflicts, checkins } from "./tables";

/**
 * The door's SQL (docs/TICKETS.md: check-in). Each function is one round trip: one statement or one
 * `db.batch` (a transaction over Neon's HTTP endpoint, each statement seeing the latest commits).
 */

export async function doorShowOf(db: Database, showId: string): Promise<DoorShow | undefined> {
  const [show] = await db
    .select({
      id: shows.id,
      theatreId: shows.theatreId,
      startTime: shows.startTime,
      status: shows.status,
      durationMins: movies.durationMins,
    })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(eq(shows.id, showId));
  return show;
}

/** What admission depends on in an order, and what the usher is shown: by order id or typed ticket code. */
export async function ordersAtDoor(db: Database, orderIds: readonly string[], ticketCodes: readonly string[] = []) {
  if (orderIds.length === 0 && ticketCodes.length === 0) return [];
  const byId = orderIds.length > 0 ? inArray(orders.id, [...orderIds]) : undefined;
  const byCode = ticketCodes.length > 0 ? inArray(orders.ticketCode, [...ticketCodes]) : undefined;
  return db
    .select({
      orderId: orders.id,
      showId: orders.showId,
      theatreId: shows.theatreId,
      status: orders.status,
      seatIds: orders.seatIds,
      confirmedAt: orders.confirmedAt,
      cancelledAt: orders.cancelledAt,
      customerName: orders.customerName,
      ticketCode: orders.ticketCode,
    })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .where(or(byId, byCode));
}
export type OrderAtDoor = Awaited<ReturnType<typeof ordersAtDoor>>[number];

export type NewAdmission = typeof checkins.$inferInsert;
export type Admission = Pick<CheckinRow, "orderId" | "seatId" | "gate" | "admittedAt" | "scanId">;

const admissionFields = {
  orderId: checkins.orderId,
  seatId: checkins.seatId,
  gate: checkins.gate,
  admittedAt: checkins.admittedAt,
  scanId: checkins.scanId,
};

/**
 * Records admissions, first scan wins, in one round trip: the INSERT skips every seat already
 * admitted (the primary key decides, also between concurrent scans), and the SELECT after it — a
 * new snapshot, so it sees a concurrent scan that won — reads who holds each seat now.
 */
export async function admit(db: Database, rows: readonly NewAdmission[]) {
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const seatIds = [...new Set(rows.map((r) => r.seatId))];
  const [inserted, standing] = await db.batch([
    db
      .insert(checkins)
      .values([...rows])
      .onConflictDoNothing()
      .returning(admissionFields),
    db
      .select(admissionFields)
      .from(checkins)
      .where(and(inArray(checkins.orderId, orderIds), inArray(checkins.seatId, seatIds))),
  ]);
  return { inserted, standing };
}

export type NewConflict = typeof checkinConflicts.$inferInsert;

/** Conflicts of offline scans; a resent one is recorded once (scan id, seat). */
export async function recordConflicts(db: Database, rows: readonly NewConflict[]) {
  if (rows.length === 0) return;
  await db
    .insert(checkinConflicts)
    .values([...rows])
    .onConflictDoNothing();
}

/** What an offline scanner needs of a show: who is in, which tickets no longer stand, the typed codes. */
export async function manifestOf(db: Database, showId: string) {
  const [admitted, revoked, confirmed] = await db.batch([
    db
      .select(admissionFields)
      .from(checkins)
      .where(eq(checkins.showId, showId))
      .orderBy(asc(checkins.orderId), asc(checkins.seatId)),
    // Every order that had a ticket and lost it (cancelled, refunded); its version is computed from these.
    db
      .select({
        orderId: orders.id,
        status: orders.status,
        seatIds: orders.seatIds,
        confirmedAt: orders.confirmedAt,
        cancelledAt: orders.cancelledAt,
      })
      .from(orders)
      .where(and(eq(orders.showId, showId), ne(orders.status, "CONFIRMED"), isNotNull(orders.confirmedAt))),
    db
      .select({ orderId: orders.id, ticketCode: orders.ticketCode, seatIds: orders.seatIds })
      .from(orders)
      .where(and(eq(orders.showId, showId), eq(orders.status, "CONFIRMED"), isNotNull(orders.ticketCode))),
  ]);
  return { admitted, revoked, confirmed };
}

export async function conflictsOf(db: Database, showId: string) {
  return db
    .select({
      orderId: checkinConflicts.orderId,
      seatId: checkinConflicts.seatId,
      gate: checkinConflicts.gate,
      scannedAt: checkinConflicts.scannedAt,
      firstGate: checkinConflicts.firstGate,
      firstAdmittedAt: checkinConflicts.firstAdmittedAt,
      recordedAt: checkinConflicts.recordedAt,
      ticketCode: orders.ticketCode,
    })
    .from(checkinConflicts)
    .innerJoin(orders, eq(orders.id, checkinConflicts.orderId))
    .where(eq(checkinConflicts.showId, showId))
    .orderBy(asc(checkinConflicts.recordedAt));
}

/** Shows starting between `from` and `to` at the theatres where `userId` has a role (an admin: all). */
export async function staffShowsOf(db: Database, userId: string, from: Date, to: Date) {
  const hasRole = db
    .select({ one: userRoles.userId })
    .from(userRoles)
    .where(
      and(
        eq(userRoles.userId, userId),
        or(eq(userRoles.theatreId, shows.theatreId), and(eq(userRoles.role, "admin"), isNull(userRoles.theatreId))),
      ),
    );
  return db
    .select({
      showId: shows.id,
      startTime: shows.startTime,
      status: shows.status,
      durationMins: movies.durationMins,
      movieTitle: movies.title,
      theatreName: theatres.name,
    })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(theatres, eq(theatres.id, shows.theatreId))
    .where(and(between(shows.startTime, from.toISOString(), to.toISOString()), exists(hasRole)))
    .orderBy(asc(shows.startTime))
    .limit(100);
}
