import * as z from "zod/mini";
import { rebuildPlan, type ShowSeatTruth } from "../rebuild-plan";
import { bookedSeatsKey, showStateKey } from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

const showStateReplies = z.array(z.union([z.array(z.string()), z.number()]));

/** One round trip for many shows: each one's booked seats, and whether its state is present. */
export async function readShowStates(
  scripts: SeatScripts,
  showIds: string[],
): Promise<Map<string, { booked: Set<string>; present: boolean }>> {
  if (showIds.length === 0) return new Map();
  const pipe = scripts.redis.pipeline();
  for (const showId of showIds) pipe.smembers(bookedSeatsKey(showId)).exists(showStateKey(showId));
  const results = showStateReplies.parse(await pipe.exec());
  return new Map(
    showIds.map((showId, i) => {
      const booked = results[2 * i];
      return [showId, { booked: new Set(Array.isArray(booked) ? booked : []), present: results[2 * i + 1] === 1 }];
    }),
  );
}

/** rebuild-show-state.lua: writes what Postgres says, removing `staleBooked`, in one script. */
export async function rebuildShowState(scripts: SeatScripts, truth: ShowSeatTruth, staleBooked: string[], now: number) {
  const { keys, args } = rebuildPlan(truth, staleBooked, now);
  const [, bookedAdded, bookedRemoved, locksRestored, budgetCharged, budgetFreed] = await scripts.run(
    "rebuild",
    keys,
    args,
  );
  return { bookedAdded, bookedRemoved, locksRestored, budgetCharged, budgetFreed };
}

/**
 * House seats kept off sale (or put back): they join (leave) the show's booked set, which every
 * hold script already refuses and every seat map shows as booked. Postgres has them first
 * (`order_seats`), so if this call fails or Redis loses them, the repair and the on-the-spot
 * rebuild put them back. One round trip.
 */
export async function setHouseSeats(
  scripts: SeatScripts,
  showId: string,
  seatIds: string[],
  kept: boolean,
): Promise<void> {
  if (seatIds.length === 0) return;
  const [first, ...rest] = seatIds as [string, ...string[]];
  if (kept) await scripts.redis.sadd(bookedSeatsKey(showId), first, ...rest);
  else await scripts.redis.srem(bookedSeatsKey(showId), first, ...rest);
}
