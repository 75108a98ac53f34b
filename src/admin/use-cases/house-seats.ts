import { postgresErrorOf } from "../../db/client";
import type { Deps } from "../../deps";
import { seatIdsOf } from "../../domain/seat-layout";
import { log } from "../../http/request-log";
import { withShowState } from "../../seats/use-cases/repair-seat-state";
import type { BlockHouseSeatsRequest, HouseSeat } from "../../shared/admin-ops-schemas";
import { sortSeatIds } from "../../shared/seat-order";
import { recordStaffAction, type StaffActor } from "../audit-log";
import {
  deleteHouseSeats,
  type HouseSeatRow,
  houseSeatsOfShow,
  insertHouseSeats,
  occupiedSeats,
} from "../house-seat-store";
import type { StaffShow } from "../show-access";

export type HouseSeatsOutcome =
  /** The show's house seats as they now are (a repeat changes nothing and answers the same). */
  | { outcome: "HOUSE_SEATS"; houseSeats: HouseSeat[] }
  | { outcome: "UNKNOWN_SEATS"; seats: string[] }
  /** Sold, awaiting payment, or held by someone right now: a house seat must be free. */
  | { outcome: "SEAT_TAKEN"; seats: string[] };

const viewOf = (row: HouseSeatRow): HouseSeat => ({
  seatId: row.seatId,
  reason: row.reason,
  note: row.note,
  blockedBy: row.blockedBy,
  blockedAt: new Date(row.blockedAt).toISOString(),
});

export async function listHouseSeats(deps: Deps, input: { show: StaffShow }): Promise<HouseSeatsOutcome> {
  const rows = await houseSeatsOfShow(deps.db, input.show.id);
  return { outcome: "HOUSE_SEATS", houseSeats: rows.map(viewOf) };
}

/** The audit row of a change to a show's house seats, to run in the change's transaction. */
const auditOfShow = (
  deps: Deps,
  show: StaffShow,
  actor: StaffActor,
  action: "house_seats.block" | "house_seats.unblock",
  before: unknown,
  after: unknown,
) =>
  recordStaffAction(deps.db, {
    actor,
    theatreId: show.theatreId,
    action,
    target: { type: "show", id: show.id },
    before,
    after,
  });

/** Redis learns the change; if it cannot, the repair (and any rebuild) takes it from Postgres. */
async function tellRedis(deps: Deps, showId: string, seatIds: string[], kept: boolean) {
  await deps.seats
    .setHouseSeats(showId, seatIds, kept)
    .catch((error: unknown) =>
      log("warn", "house seats not written to Redis; the cron will repair", { showId, error: String(error) }),
    );
}

/**
 * Keeps free seats off online sale (docs/API.md: Back office, house seats). Postgres first: the
 * house seats and their `order_seats` rows in one transaction with the audit row, so no order can
 * ever take them (its insert hits the primary key); then the show's booked set in Redis, which
 * every hold already refuses. Seats sold, awaiting payment or held right now are refused by name.
 */
export async function blockHouseSeats(
  deps: Deps,
  input: { show: StaffShow; actor: StaffActor; request: BlockHouseSeatsRequest },
): Promise<HouseSeatsOutcome> {
  const { show, actor } = input;
  const { reason, note } = input.request;
  const seatIds = sortSeatIds(input.request.seatIds);
  const hall = new Set(seatIdsOf(show.layout));
  const unknown = seatIds.filter((s) => !hall.has(s));
  if (unknown.length > 0) return { outcome: "UNKNOWN_SEATS", seats: unknown };

  const [occupied, states] = await Promise.all([
    occupiedSeats(deps.db, show.id, seatIds),
    withShowState(deps, show.id, () => deps.seats.readSeatStates(show.id, deps.clock.now().getTime())),
  ]);
  const already = new Set(occupied.house);
  const held = seatIds.filter((s) => !already.has(s) && states.held.has(s));
  const taken = sortSeatIds(new Set([...occupied.sold, ...held]));
  if (taken.length > 0) return { outcome: "SEAT_TAKEN", seats: taken };

  const toBlock = seatIds.filter((s) => !already.has(s));
  if (toBlock.length > 0) {
    const audit = auditOfShow(deps, show, actor, "house_seats.block", null, {
      seatIds: toBlock,
      reason,
      note: note ?? null,
    });
    try {
      const blocked = await insertHouseSeats(
        deps.db,
        { showId: show.id, seatIds: toBlock, reason, note: note ?? null, blockedBy: actor.userId },
        [audit],
      );
      await tellRedis(deps, show.id, blocked, true);
    } catch (error) {
      const pg = postgresErrorOf(error);
      if (pg?.code !== "23505" || pg.constraint !== "order_seats_pkey") throw error;
      // An order took one of them since the check: name what is sold now (nothing was written).
      const now = await occupiedSeats(deps.db, show.id, toBlock);
      return { outcome: "SEAT_TAKEN", seats: sortSeatIds(now.sold) };
    }
  }
  return listHouseSeats(deps, { show });
}

/** Puts house seats back on sale: Postgres (with the audit row), then Redis. Seats not kept are ignored. */
export async function unblockHouseSeats(
  deps: Deps,
  input: { show: StaffShow; actor: StaffActor; seatIds: string[] },
): Promise<HouseSeatsOutcome> {
  const { show, actor } = input;
  const current = (await houseSeatsOfShow(deps.db, show.id)).filter((r) => input.seatIds.includes(r.seatId));
  if (current.length > 0) {
    const audit = auditOfShow(deps, show, actor, "house_seats.unblock", current.map(viewOf), null);
    const removed = await deleteHouseSeats(
      deps.db,
      show.id,
      current.map((r) => r.seatId),
      [audit],
    );
    await tellRedis(
      deps,
      show.id,
      removed.map((r) => r.seatId),
      false,
    );
  }
  return listHouseSeats(deps, { show });
}
