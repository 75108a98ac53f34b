import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { and, asc, eq, inArray, sql } from "../db/drizzle";
import { houseSeats, orderSeats } from "../db/schema";
import type { HouseSeatReason } from "../domain/statuses";

/**
 * House seats in Postgres (docs/API.md: Back office, house seats). A house seat is a `house_seats`
 * row plus an `order_seats` row without an order, written in one statement, so the primary key
 * that refuses a second sale refuses it too. Each function is one round trip.
 */

export type HouseSeatRow = typeof houseSeats.$inferSelect;

export async function houseSeatsOfShow(db: Database, showId: string): Promise<HouseSeatRow[]> {
  return db.select().from(houseSeats).where(eq(houseSeats.showId, showId)).orderBy(asc(houseSeats.seatId));
}

/** Of `seatIds`, the ones an order (pending or confirmed) or the house already occupies. */
export async function occupiedSeats(db: Database, showId: string, seatIds: string[]) {
  const rows = await db
    .select({ seatId: orderSeats.seatId, house: sql<boolean>`${orderSeats.houseSeatId} is not null` })
    .from(orderSeats)
    .where(and(eq(orderSeats.showId, showId), inArray(orderSeats.seatId, seatIds)));
  return {
    sold: rows.filter((r) => !r.house).map((r) => r.seatId),
    house: rows.filter((r) => r.house).map((r) => r.seatId),
  };
}

export interface NewHouseSeats {
  showId: string;
  seatIds: string[];
  reason: HouseSeatReason;
  note: string | null;
  blockedBy: string;
}

/**
 * Keeps seats off sale: `house_seats` and their `order_seats` rows in one statement (seats the
 * house already has are left as they are). A seat an order holds fails the whole statement with
 * 23505 on `order_seats_pkey`, and nothing is written. `alongside` runs in the same transaction
 * (the audit row). Answers the seats this call blocked.
 */
export async function insertHouseSeats(db: Database, seats: NewHouseSeats, alongside: BatchItem<"pg">[] = []) {
  const blocked = db.$with("blocked").as(
    db
      .insert(houseSeats)
      .values(
        seats.seatIds.map((seatId) => ({
          showId: seats.showId,
          seatId,
          reason: seats.reason,
          note: seats.note,
          blockedBy: seats.blockedBy,
        })),
      )
      .onConflictDoNothing()
      .returning({ showId: houseSeats.showId, seatId: houseSeats.seatId }),
  );
  const [inserted] = await db.batch([
    db
      .with(blocked)
      .insert(orderSeats)
      .select(
        db
          .select({
            showId: blocked.showId,
            seatId: blocked.seatId,
            orderId: sql`null::uuid`.as("order_id"),
            houseSeatId: sql`${blocked.seatId}`.as("house_seat_id"),
          })
          .from(blocked),
      )
      .returning({ seatId: orderSeats.seatId }),
    ...alongside,
  ]);
  return inserted.map((r) => r.seatId);
}

/** Puts seats back on sale (their `order_seats` rows go with them, by cascade); answers the rows removed. */
export async function deleteHouseSeats(
  db: Database,
  showId: string,
  seatIds: string[],
  alongside: BatchItem<"pg">[] = [],
): Promise<HouseSeatRow[]> {
  const [removed] = await db.batch([
    db
      .delete(houseSeats)
      .where(and(eq(houseSeats.showId, showId), inArray(houseSeats.seatId, seatIds)))
      .returning(),
    ...alongside,
  ]);
  return removed;
}
