import type { Config } from "../env";
import { redisOf } from "../redis/client";
import type { ShowSeatTruth } from "./rebuild-plan";
import {
  type HeldHoldRecord,
  type HoldRecord,
  holdKey,
  holdRecordSchema,
  jsonOf,
  REFUSAL_COUNTS_KEY,
} from "./redis-contract";
import { changeHeldSeats } from "./store/change-held-seats";
import { holdBestSeats, holdSeats } from "./store/hold-seats";
import { moveHoldOwner } from "./store/move-hold-owner";
import { orderHold, settleOrderSeats, undoOrderHold } from "./store/order-hold";
import { readSeatStates } from "./store/read-seat-states";
import { releaseHold } from "./store/release-hold";
import { SeatScripts } from "./store/seat-scripts";
import { readShowStates, rebuildShowState, setHouseSeats } from "./store/show-state";

export type { ShowSeatTruth } from "./rebuild-plan";
export type { HoldRecord, OrderedHoldRecord } from "./redis-contract";
export type { SettledOrder } from "./store/order-hold";

const holdRecordJson = jsonOf(holdRecordSchema);

/**
 * What the seats room keeps in Redis, as typed calls: each is exactly one round trip. The script
 * wrappers live one per file in `store/` (keys and arguments as each script's header says).
 */
export class SeatStore {
  private readonly scripts: SeatScripts;

  constructor(scripts: SeatScripts) {
    this.scripts = scripts;
  }

  holdSeats(hold: HeldHoldRecord, opts: Parameters<typeof holdSeats>[2]) {
    return holdSeats(this.scripts, hold, opts);
  }

  /** Best available: chosen and held by one script (store/hold-seats.ts). */
  holdBestSeats(hold: HeldHoldRecord, opts: Parameters<typeof holdBestSeats>[2]) {
    return holdBestSeats(this.scripts, hold, opts);
  }

  async readHold(showId: string, holdId: string): Promise<HoldRecord | undefined> {
    const record = await this.scripts.redis.get<string>(holdKey(showId, holdId));
    return record ? holdRecordJson.parse(record) : undefined;
  }

  changeHeldSeats(change: Parameters<typeof changeHeldSeats>[1]) {
    return changeHeldSeats(this.scripts, change);
  }

  releaseHold(release: Parameters<typeof releaseHold>[1]) {
    return releaseHold(this.scripts, release);
  }

  /** The show's booked and held seats (owners stay in Redis). */
  readSeatStates(showId: string, now: number) {
    return readSeatStates(this.scripts, showId, now);
  }

  orderHold(showId: string, holdId: string, opts: Parameters<typeof orderHold>[3]) {
    return orderHold(this.scripts, showId, holdId, opts);
  }

  undoOrderHold(hold: HoldRecord, orderId: string, mode: "RESTORE" | "RELEASE", nowMs: number) {
    return undoOrderHold(this.scripts, hold, orderId, mode, nowMs);
  }

  settleOrderSeats(order: Parameters<typeof settleOrderSeats>[1], mode: "BOOK" | "FREE") {
    return settleOrderSeats(this.scripts, order, mode);
  }

  /** A guest's live hold becomes the account's (guest sign-in); see store/move-hold-owner.ts. */
  moveHoldOwner(move: Parameters<typeof moveHoldOwner>[1]) {
    return moveHoldOwner(this.scripts, move);
  }

  setHouseSeats(showId: string, seatIds: string[], kept: boolean) {
    return setHouseSeats(this.scripts, showId, seatIds, kept);
  }

  readShowStates(showIds: string[]) {
    return readShowStates(this.scripts, showIds);
  }

  /** One more refused attempt of this kind, for the staff numbers (the hold scripts count theirs themselves). */
  async countRefusal(reason: string): Promise<void> {
    await this.scripts.redis.hincrby(REFUSAL_COUNTS_KEY, reason, 1);
  }

  /** Every refused attempt counted so far, by reason. */
  async refusalCounts(): Promise<Record<string, number>> {
    const all: unknown = await this.scripts.redis.hgetall(REFUSAL_COUNTS_KEY);
    // Without automatic deserialization the client may hand back the flat [field, value, …] reply.
    const pairs = Array.isArray(all)
      ? all.flatMap((field, i) => (i % 2 === 0 ? [[String(field), all[i + 1]] as const] : []))
      : Object.entries(all ?? {});
    return Object.fromEntries(pairs.map(([reason, n]) => [reason, Number(n)]));
  }

  rebuildShowState(truth: ShowSeatTruth, staleBooked: string[], now: number) {
    return rebuildShowState(this.scripts, truth, staleBooked, now);
  }
}

const stores = new WeakMap<Config, SeatStore>();

/** The isolate's SeatStore for this configuration (scripts are created once). */
export function seatStoreOf(config: Config): SeatStore {
  let store = stores.get(config);
  if (!store) {
    store = new SeatStore(new SeatScripts(redisOf(config), { keyLocking: config.UPSTASH_KEY_LOCKING }));
    stores.set(config, store);
  }
  return store;
}
