import type { Database } from "../db/client";
import { and, eq, gt, inArray, ne, or, type SQL, sql } from "../db/drizzle";
import { orderShow } from "../db/joins";
import { orderSeats, orders, shows } from "../db/schema";
import { HOUSE_SEATS_HOLD_ID, type ShowSeatTruth } from "./rebuild-plan";

/** Shows whose seats still matter to the cron: not yet started, or started within a few hours. */
const REPAIR_WINDOW = sql`interval '6 hours'`;
const upcoming = and(gt(shows.startTime, sql`now() - ${REPAIR_WINDOW}`), ne(shows.status, "CANCELLED"));

/**
 * What Postgres says about the seats of some shows, in one round trip: every seat of a live order
 * (confirmed, or pending before its deadline; an overdue pending order's seats are free to take),
 * every house seat (kept off sale: taken, like a sold seat), and every show in scope even with no
 * order — `order_seats` is the truth — and the orders paid or cancelled whose payment deadline is
 * still ahead (their live-seat budget entries may outlive a lost settle).
 */
async function seatTruth(db: Database, scope: SQL | undefined): Promise<ShowSeatTruth[]> {
  const seatRows = db
    .select({
      showId: shows.id,
      orderId: orders.id,
      seatIds: orders.seatIds,
      holdId: orders.holdId,
      userId: orders.userId,
      status: orders.status,
      createdAt: orders.createdAt,
      expiresAt: orders.expiresAt,
      budgetAddressTag: orders.budgetAddressTag,
      houseSeatId: orderSeats.houseSeatId,
    })
    .from(shows)
    .leftJoin(orderSeats, eq(orderSeats.showId, shows.id))
    .leftJoin(
      orders,
      and(
        eq(orders.id, orderSeats.orderId),
        or(eq(orders.status, "CONFIRMED"), and(eq(orders.status, "PAYMENT_PENDING"), gt(orders.expiresAt, sql`now()`))),
      ),
    )
    .where(scope);
  const settledRows = db
    .select({
      showId: orders.showId,
      orderId: orders.id,
      holdId: orders.holdId,
      userId: orders.userId,
      seatIds: orders.seatIds,
      budgetAddressTag: orders.budgetAddressTag,
    })
    .from(orders)
    .innerJoin(shows, orderShow)
    .where(and(scope, inArray(orders.status, ["CONFIRMED", "CANCELLED"]), gt(orders.expiresAt, sql`now()`)));
  const [rows, settled] = await db.batch([seatRows, settledRows]);

  const byShow = new Map<string, ShowSeatTruth>();
  const seen = new Set<string>();
  for (const row of rows) {
    let truth = byShow.get(row.showId);
    if (!truth) {
      truth = { showId: row.showId, booked: [], pending: [], settled: [] };
      byShow.set(row.showId, truth);
    }
    if (row.houseSeatId) {
      houseSeatsOf(truth).push(row.houseSeatId);
      continue;
    }
    // One row per seat: an order is taken once, with its seats in hall order.
    const { orderId, holdId, userId, seatIds, createdAt, expiresAt, budgetAddressTag } = row;
    if (!orderId || !holdId || !userId || !seatIds || !createdAt || !expiresAt || seen.has(orderId)) continue;
    seen.add(orderId);
    if (row.status === "CONFIRMED") truth.booked.push({ orderId, holdId, seatIds });
    else
      truth.pending.push({
        orderId,
        holdId,
        userId,
        seatIds,
        budgetAddressTag,
        createdAt: new Date(createdAt),
        expiresAt: new Date(expiresAt),
      });
  }
  for (const order of settled) byShow.get(order.showId)?.settled.push(order);
  return [...byShow.values()];
}

/**
 * A show's house seats, as the rebuild sees them: one booked "order" of the house, under a hold id
 * no real hold can have (those are base64url of 28 bytes), so no tombstone can ever free them.
 */
function houseSeatsOf(truth: ShowSeatTruth): string[] {
  let house = truth.booked.find((b) => b.holdId === HOUSE_SEATS_HOLD_ID);
  if (!house) {
    house = { orderId: HOUSE_SEATS_HOLD_ID, holdId: HOUSE_SEATS_HOLD_ID, seatIds: [] };
    truth.booked.push(house);
  }
  return house.seatIds;
}

/** One show, whatever its state or time (a hold or seat map found its Redis state missing). */
export async function showSeatTruth(db: Database, showId: string): Promise<ShowSeatTruth | undefined> {
  return (await seatTruth(db, eq(shows.id, showId)))[0];
}

/** Every show the cron keeps Redis right for: upcoming or recently started, and not cancelled. */
export function upcomingSeatTruth(db: Database): Promise<ShowSeatTruth[]> {
  return seatTruth(db, upcoming);
}

/** The ids of those shows, read before Redis so stale booked seats can be told apart. */
export async function upcomingShowIds(db: Database): Promise<string[]> {
  const rows = await db.select({ showId: shows.id }).from(shows).where(upcoming);
  return rows.map((r) => r.showId);
}
