import type { Redis } from "@upstash/redis/cloudflare";
import type { Config } from "../env";
import { redisOf } from "../redis/client";
import { bookedSeatsKey, holdKey, lockOwner, seatLockKey, userHoldsKey } from "./keys";
import changeHeldSeatsLua from "./lua/change-held-seats.lua";
import holdSeatsLua from "./lua/hold-seats.lua";
import orderHoldLua from "./lua/order-hold.lua";
import readSeatStatesLua from "./lua/read-seat-states.lua";
import releaseHoldLua from "./lua/release-hold.lua";
import settleOrderSeatsLua from "./lua/settle-order-seats.lua";
import undoOrderHoldLua from "./lua/undo-order-hold.lua";

/** A hold as Redis keeps it (SPEC: `hold:` → hold JSON), plus its expiry in ms for the scripts. */
export interface HoldRecord {
  holdId: string;
  showId: string;
  userId: string;
  seatIds: string[];
  quantity: number;
  status: "HELD" | "ORDERED";
  createdAt: string;
  /** While HELD the hold's deadline; once ORDERED the order's payment deadline. */
  expiresAt: string;
  expiresAtMs: number;
  /** Set once ORDERED: the order this hold became. */
  orderId?: string;
}

/** How long a hold's record outlives its seat locks, so an expired hold answers 410, not 404. */
export const HOLD_RECORD_GRACE_MS = 3_600_000;

type Reply = string[];

/** Typed wrappers over the seat scripts: each call is exactly one Redis round trip. */
export class SeatStore {
  private readonly scripts;

  constructor(private readonly redis: Redis) {
    this.scripts = {
      hold: redis.createScript<Reply>(holdSeatsLua),
      change: redis.createScript<Reply>(changeHeldSeatsLua),
      release: redis.createScript<Reply>(releaseHoldLua),
      read: redis.createScript<[string[], (string | null)[]]>(readSeatStatesLua),
      order: redis.createScript<Reply>(orderHoldLua),
      undoOrder: redis.createScript<Reply>(undoOrderHoldLua),
      settle: redis.createScript<Reply>(settleOrderSeatsLua),
    };
  }

  async holdSeats(
    hold: HoldRecord,
    opts: { now: number; ttlMs: number; maxActiveHolds: number },
  ): Promise<
    | { outcome: "HELD" }
    | { outcome: "EXISTS"; existing: HoldRecord }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
    | { outcome: "HOLD_LIMIT"; active: number }
  > {
    const { showId, holdId, userId, seatIds } = hold;
    const reply = await this.scripts.hold.exec(
      [
        holdKey(showId, holdId),
        userHoldsKey(showId, userId),
        bookedSeatsKey(showId),
        ...seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [
        lockOwner(userId, holdId),
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
      case "OK":
        return { outcome: "HELD" };
      case "EXISTS":
        return { outcome: "EXISTS", existing: JSON.parse(reply[1] as string) as HoldRecord };
      case "SEAT_TAKEN":
        return { outcome: "SEAT_TAKEN", seats: reply.slice(1) };
      case "HOLD_LIMIT":
        return { outcome: "HOLD_LIMIT", active: Number(reply[1]) };
      default:
        throw new Error(`hold-seats: unexpected reply ${reply[0]}`);
    }
  }

  async readHold(showId: string, holdId: string): Promise<HoldRecord | undefined> {
    const record = await this.redis.get<string>(holdKey(showId, holdId));
    return record ? (JSON.parse(record) as HoldRecord) : undefined;
  }

  async changeHeldSeats(
    current: HoldRecord,
    next: HoldRecord,
    now: number,
  ): Promise<
    | { outcome: "CHANGED" | "GONE" | "EXPIRED" | "RACED" }
    | { outcome: "NOT_HELD"; status: string }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
  > {
    const { showId, holdId, userId } = current;
    const reply = await this.scripts.change.exec(
      [
        holdKey(showId, holdId),
        bookedSeatsKey(showId),
        ...next.seatIds.map((s) => seatLockKey(showId, s)),
        ...current.seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [
        lockOwner(userId, holdId),
        String(now),
        String(next.seatIds.length),
        current.seatIds.join(","),
        JSON.stringify(next),
        ...next.seatIds,
        ...current.seatIds,
      ],
    );
    switch (reply[0]) {
      case "OK":
        return { outcome: "CHANGED" };
      case "CHANGED":
        return { outcome: "RACED" };
      case "GONE":
      case "EXPIRED":
        return { outcome: reply[0] };
      case "NOT_HELD":
        return { outcome: "NOT_HELD", status: reply[1] as string };
      case "SEAT_TAKEN":
        return { outcome: "SEAT_TAKEN", seats: reply.slice(1) };
      default:
        throw new Error(`change-held-seats: unexpected reply ${reply[0]}`);
    }
  }

  async releaseHold(
    hold: HoldRecord,
  ): Promise<
    { outcome: "RELEASED"; freed: number } | { outcome: "GONE" | "RACED" } | { outcome: "NOT_HELD"; status: string }
  > {
    const { showId, holdId, userId } = hold;
    const reply = await this.scripts.release.exec(
      [holdKey(showId, holdId), userHoldsKey(showId, userId), ...hold.seatIds.map((s) => seatLockKey(showId, s))],
      [lockOwner(userId, holdId), holdId, hold.seatIds.join(",")],
    );
    switch (reply[0]) {
      case "OK":
        return { outcome: "RELEASED", freed: Number(reply[1]) };
      case "GONE":
        return { outcome: "GONE" };
      case "CHANGED":
        return { outcome: "RACED" };
      case "NOT_HELD":
        return { outcome: "NOT_HELD", status: reply[1] as string };
      default:
        throw new Error(`release-hold: unexpected reply ${reply[0]}`);
    }
  }

  /** Booked seats and every seat's lock owner (`userId:holdId`, or null when free). */
  async readSeatStates(
    showId: string,
    seatIds: string[],
  ): Promise<{ booked: Set<string>; owners: Map<string, string> }> {
    const [booked, owners] = await this.scripts.read.exec(
      [bookedSeatsKey(showId), ...seatIds.map((s) => seatLockKey(showId, s))],
      [],
    );
    const byId = new Map<string, string>();
    seatIds.forEach((seatId, i) => {
      const owner = owners[i];
      if (owner) byId.set(seatId, owner);
    });
    return { booked: new Set(booked), owners: byId };
  }

  /**
   * Hold → order hold: locks and record extended to the payment window, status ORDERED with
   * `orderId`. `hallSeatIds` are all seats of the show's hall (the hold's seats are among them).
   */
  async orderHold(
    showId: string,
    holdId: string,
    opts: { userId: string; orderId: string; now: number; paymentWindowMs: number; hallSeatIds: string[] },
  ): Promise<
    | { outcome: "ORDERED"; hold: HoldRecord }
    | { outcome: "ALREADY_ORDERED"; hold: HoldRecord }
    | { outcome: "HOLD_NOT_FOUND" }
    | { outcome: "HOLD_EXPIRED" }
    | { outcome: "SEAT_TAKEN"; seats: string[] }
  > {
    const reply = await this.scripts.order.exec(
      [
        holdKey(showId, holdId),
        userHoldsKey(showId, opts.userId),
        ...opts.hallSeatIds.map((s) => seatLockKey(showId, s)),
      ],
      [
        opts.userId,
        String(opts.now),
        String(opts.paymentWindowMs),
        opts.orderId,
        String(HOLD_RECORD_GRACE_MS),
        new Date(opts.now + opts.paymentWindowMs).toISOString(),
        ...opts.hallSeatIds,
      ],
    );
    switch (reply[0]) {
      case "OK":
        return { outcome: "ORDERED", hold: JSON.parse(reply[1] as string) as HoldRecord };
      case "ORDERED":
        return { outcome: "ALREADY_ORDERED", hold: JSON.parse(reply[1] as string) as HoldRecord };
      case "GONE":
        return { outcome: "HOLD_NOT_FOUND" };
      case "EXPIRED":
        return { outcome: "HOLD_EXPIRED" };
      case "LOST":
        return { outcome: "SEAT_TAKEN", seats: reply.slice(1) };
      default:
        throw new Error(`order-hold: unexpected reply ${reply[0]}`);
    }
  }

  /** The order could not be written: put the hold back (RESTORE) or free it (RELEASE). */
  async undoOrderHold(
    hold: HoldRecord,
    orderId: string,
    mode: "RESTORE" | "RELEASE",
    now: number,
  ): Promise<"RESTORED" | "RELEASED" | "HOLD_NOT_FOUND" | "MOVED_ON"> {
    const { showId, holdId, userId } = hold;
    const reply = await this.scripts.undoOrder.exec(
      [holdKey(showId, holdId), userHoldsKey(showId, userId), ...hold.seatIds.map((s) => seatLockKey(showId, s))],
      [orderId, mode, String(now)],
    );
    return reply[0] === "GONE" ? "HOLD_NOT_FOUND" : (reply[0] as "RESTORED" | "RELEASED" | "MOVED_ON");
  }

  /** An order's seats: BOOK (paid) or FREE (cancelled/expired); its locks and hold record go. */
  async settleOrderSeats(
    order: { showId: string; holdId: string; userId: string; seatIds: string[]; orderId: string },
    mode: "BOOK" | "FREE",
  ): Promise<void> {
    const { showId, holdId, userId, seatIds } = order;
    await this.scripts.settle.exec(
      [
        bookedSeatsKey(showId),
        holdKey(showId, holdId),
        userHoldsKey(showId, userId),
        ...seatIds.map((s) => seatLockKey(showId, s)),
      ],
      [lockOwner(userId, holdId), holdId, mode, ...seatIds],
    );
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
