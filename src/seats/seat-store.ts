import type { Redis } from "@upstash/redis/cloudflare";
import * as z from "zod";
import type { Config } from "../env";
import { redisOf } from "../redis/client";
import changeHeldSeatsLua from "./lua/change-held-seats.lua";
import holdSeatsLua from "./lua/hold-seats.lua";
import orderHoldLua from "./lua/order-hold.lua";
import preludeLua from "./lua/prelude.lua";
import readSeatStatesLua from "./lua/read-seat-states.lua";
import rebuildShowStateLua from "./lua/rebuild-show-state.lua";
import releaseHoldLua from "./lua/release-hold.lua";
import settleOrderSeatsLua from "./lua/settle-order-seats.lua";
import undoOrderHoldLua from "./lua/undo-order-hold.lua";
import { rebuildPlan, type ShowSeatTruth } from "./rebuild-plan";
import {
  bookedSeatsKey,
  type HeldHoldRecord,
  HOLD_RECORD_GRACE_MS,
  type HoldRecord,
  holdKey,
  holdRecordSchema,
  jsonOf,
  type OrderedHoldRecord,
  replies,
  type ScriptName,
  SETTLED_HOLD_TTL_MS,
  type SettledHoldRecord,
  seatLockKey,
  showStateKey,
  userHoldsKey,
  withPrelude,
} from "./redis-contract";

export type { ShowSeatTruth } from "./rebuild-plan";
export type { HoldRecord, OrderedHoldRecord } from "./redis-contract";

const sources: Record<ScriptName, string> = {
  hold: holdSeatsLua,
  change: changeHeldSeatsLua,
  release: releaseHoldLua,
  read: readSeatStatesLua,
  order: orderHoldLua,
  undoOrder: undoOrderHoldLua,
  settle: settleOrderSeatsLua,
  rebuild: rebuildShowStateLua,
};

const showStateReplies = z.array(z.union([z.array(z.string()), z.number()]));

/** Typed wrappers over the seat scripts: each call is exactly one Redis round trip. */
export class SeatStore {
  private readonly scripts;

  constructor(private readonly redis: Redis) {
    this.scripts = Object.fromEntries(
      Object.entries(sources).map(([name, body]) => [name, redis.createScript<unknown>(withPrelude(preludeLua, body))]),
    ) as Record<ScriptName, ReturnType<Redis["createScript"]>>;
  }

  /** Runs a script and parses its reply with the contract's schema (a reply off-contract throws). */
  private async run<N extends ScriptName>(name: N, keys: string[], args: string[]) {
    return replies[name].parse(await this.scripts[name].exec(keys, args)) as z.output<(typeof replies)[N]>;
  }

  async holdSeats(
    hold: HeldHoldRecord,
    opts: { now: number; ttlMs: number; maxActiveHolds: number },
  ): Promise<
    | { outcome: "HELD" }
    | { outcome: "SHOW_STATE_MISSING" }
    | { outcome: "HOLD_EXISTS"; existing: HoldRecord }
    | { outcome: "HOLD_LIMIT"; active: number }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
  > {
    const { showId, holdId, userId, seatIds } = hold;
    const reply = await this.run(
      "hold",
      [
        holdKey(showId, holdId),
        userHoldsKey(showId, userId),
        bookedSeatsKey(showId),
        showStateKey(showId),
        ...seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [
        userId,
        holdId,
        String(opts.now),
        String(opts.ttlMs),
        String(opts.ttlMs + HOLD_RECORD_GRACE_MS),
        JSON.stringify(hold),
        String(opts.maxActiveHolds),
        String(hold.expiresAtMs),
        ...seatIds,
      ],
    );
    switch (reply[0]) {
      case "HELD":
      case "SHOW_STATE_MISSING":
        return { outcome: reply[0] };
      case "HOLD_EXISTS":
        return { outcome: reply[0], existing: reply[1] };
      case "HOLD_LIMIT":
        return { outcome: reply[0], active: reply[1] };
      case "SEAT_TAKEN":
        return { outcome: reply[0], seats: reply.slice(1) };
    }
  }

  async readHold(showId: string, holdId: string): Promise<HoldRecord | undefined> {
    const record = await this.redis.get<string>(holdKey(showId, holdId));
    return record ? jsonOf(holdRecordSchema).parse(record) : undefined;
  }

  async changeHeldSeats(
    current: HeldHoldRecord,
    next: HeldHoldRecord,
    now: number,
  ): Promise<
    | { outcome: "SWAPPED" }
    | { outcome: "HOLD_NOT_FOUND" }
    | { outcome: "HOLD_CHANGED" }
    | { outcome: "HOLD_EXPIRED" }
    | { outcome: "SHOW_STATE_MISSING" }
    | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
  > {
    const { showId, holdId } = current;
    const reply = await this.run(
      "change",
      [
        holdKey(showId, holdId),
        bookedSeatsKey(showId),
        showStateKey(showId),
        ...next.seatIds.map((s) => seatLockKey(showId, s)),
        ...current.seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [
        String(now),
        String(next.seatIds.length),
        current.seatIds.join(","),
        JSON.stringify(next),
        ...next.seatIds,
        ...current.seatIds,
      ],
    );
    switch (reply[0]) {
      case "HOLD_NOT_CHANGEABLE":
        return { outcome: reply[0], status: reply[1] };
      case "SEAT_TAKEN":
        return { outcome: reply[0], seats: reply.slice(1) };
      case "SWAPPED":
      case "HOLD_NOT_FOUND":
      case "HOLD_CHANGED":
      case "HOLD_EXPIRED":
      case "SHOW_STATE_MISSING":
        return { outcome: reply[0] };
    }
  }

  async releaseHold(
    hold: HeldHoldRecord,
  ): Promise<
    | { outcome: "RELEASED"; freed: number }
    | { outcome: "HOLD_NOT_FOUND" }
    | { outcome: "HOLD_CHANGED" }
    | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
  > {
    const { showId, holdId, userId } = hold;
    const reply = await this.run(
      "release",
      [holdKey(showId, holdId), userHoldsKey(showId, userId), ...hold.seatIds.map((s) => seatLockKey(showId, s))],
      [hold.seatIds.join(",")],
    );
    switch (reply[0]) {
      case "RELEASED":
        return { outcome: reply[0], freed: reply[1] };
      case "HOLD_NOT_CHANGEABLE":
        return { outcome: reply[0], status: reply[1] };
      case "HOLD_NOT_FOUND":
      case "HOLD_CHANGED":
        return { outcome: reply[0] };
    }
  }

  /** Booked seats and every seat's lock owner (see `lockOwner`; absent when free). */
  async readSeatStates(showId: string, seatIds: string[]) {
    const reply = await this.run(
      "read",
      [bookedSeatsKey(showId), showStateKey(showId), ...seatIds.map((s) => seatLockKey(showId, s))],
      [],
    );
    if (reply[0] === "SHOW_STATE_MISSING") return { outcome: reply[0] } as const;
    const owners = new Map<string, string>();
    seatIds.forEach((seatId, i) => {
      const owner = reply[2][i];
      if (owner) owners.set(seatId, owner);
    });
    return { outcome: "SEATS", booked: new Set(reply[1]), owners } as const;
  }

  /**
   * Hold → order hold: locks and record extended to the payment window, status ORDERED with
   * `orderId`. `seatIds` are the hold's seats as the caller knows them: only their locks are
   * touched; if the hold's seats are others, HOLD_CHANGED names them and nothing changes.
   */
  async orderHold(
    showId: string,
    holdId: string,
    opts: { userId: string; orderId: string; now: number; paymentWindowMs: number; seatIds: string[] },
  ): Promise<
    | { outcome: "ORDERED"; hold: OrderedHoldRecord }
    | { outcome: "ALREADY_ORDERED"; hold: OrderedHoldRecord }
    | { outcome: "HOLD_NOT_FOUND" }
    | { outcome: "HOLD_EXPIRED" }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
    | { outcome: "HOLD_CHANGED"; seats: string[] }
  > {
    const reply = await this.run(
      "order",
      [holdKey(showId, holdId), userHoldsKey(showId, opts.userId), ...opts.seatIds.map((s) => seatLockKey(showId, s))],
      [
        opts.userId,
        String(opts.now),
        String(opts.paymentWindowMs),
        opts.orderId,
        String(HOLD_RECORD_GRACE_MS),
        new Date(opts.now + opts.paymentWindowMs).toISOString(),
        ...opts.seatIds,
      ],
    );
    switch (reply[0]) {
      case "ORDERED":
      case "ALREADY_ORDERED":
        return { outcome: reply[0], hold: reply[1] };
      case "SEAT_TAKEN":
      case "HOLD_CHANGED":
        return { outcome: reply[0], seats: reply.slice(1) };
      case "HOLD_NOT_FOUND":
      case "HOLD_EXPIRED":
        return { outcome: reply[0] };
    }
  }

  /** The order could not be written: put the hold back (RESTORE) or free it (RELEASE). */
  async undoOrderHold(
    hold: HoldRecord,
    orderId: string,
    mode: "RESTORE" | "RELEASE",
    nowMs: number,
  ): Promise<"RESTORED" | "RELEASED" | "HOLD_NOT_FOUND" | "MOVED_ON"> {
    const { showId, holdId, userId } = hold;
    const reply = await this.run(
      "undoOrder",
      [holdKey(showId, holdId), userHoldsKey(showId, userId), ...hold.seatIds.map((s) => seatLockKey(showId, s))],
      [orderId, mode, String(nowMs)],
    );
    return reply[0];
  }

  /**
   * An order's seats: BOOK (paid) or FREE (cancelled/expired). Its locks go and its hold record
   * becomes a SETTLED tombstone for SETTLED_HOLD_TTL_MS (written even if Redis had lost it).
   */
  async settleOrderSeats(
    order: { showId: string; holdId: string; userId: string; seatIds: string[]; orderId: string },
    mode: "BOOK" | "FREE",
  ): Promise<void> {
    const { showId, holdId, userId, seatIds, orderId } = order;
    const now = new Date();
    const tombstone: SettledHoldRecord = {
      holdId,
      showId,
      userId,
      seatIds,
      quantity: seatIds.length,
      createdAt: now.toISOString(),
      expiresAt: now.toISOString(),
      expiresAtMs: now.getTime(),
      status: "SETTLED",
      orderId,
      settledAs: mode === "BOOK" ? "BOOKED" : "FREED",
    };
    await this.run(
      "settle",
      [
        bookedSeatsKey(showId),
        holdKey(showId, holdId),
        userHoldsKey(showId, userId),
        ...seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [userId, holdId, mode, orderId, JSON.stringify(tombstone), String(SETTLED_HOLD_TTL_MS), ...seatIds],
    );
  }

  /**
   * House seats kept off sale (or put back): they join (leave) the show's booked set, which every
   * hold script already refuses. Postgres has them first (`order_seats`), so if this call fails or
   * Redis loses them, the repair and the on-the-spot rebuild put them back. One round trip.
   */
  async setHouseSeats(showId: string, seatIds: string[], kept: boolean): Promise<void> {
    if (seatIds.length === 0) return;
    const [first, ...rest] = seatIds as [string, ...string[]];
    if (kept) await this.redis.sadd(bookedSeatsKey(showId), first, ...rest);
    else await this.redis.srem(bookedSeatsKey(showId), first, ...rest);
  }

  /** One round trip for many shows: each one's booked seats, and whether its state is present. */
  async readShowStates(showIds: string[]): Promise<Map<string, { booked: Set<string>; present: boolean }>> {
    if (showIds.length === 0) return new Map();
    const pipe = this.redis.pipeline();
    for (const showId of showIds) pipe.smembers(bookedSeatsKey(showId)).exists(showStateKey(showId));
    const results = showStateReplies.parse(await pipe.exec());
    return new Map(
      showIds.map((showId, i) => {
        const booked = results[2 * i];
        return [showId, { booked: new Set(Array.isArray(booked) ? booked : []), present: results[2 * i + 1] === 1 }];
      }),
    );
  }

  /** Writes what Postgres says (see rebuild-show-state.lua), removing `staleBooked`, in one script. */
  async rebuildShowState(truth: ShowSeatTruth, staleBooked: string[], now: number) {
    const { keys, args } = rebuildPlan(truth, staleBooked, now);
    const [, bookedAdded, bookedRemoved, locksRestored] = await this.run("rebuild", keys, args);
    return { bookedAdded, bookedRemoved, locksRestored };
  }
}

const stores = new WeakMap<Config, SeatStore>();

/** The isolate's SeatStore for this configuration (scripts are created once). */
export function seatStoreOf(config: Config): SeatStore {
  let store = stores.get(config);
  if (!store) {
    store = new SeatStore(redisOf(config));
    stores.set(config, store);
  }
  return store;
}
