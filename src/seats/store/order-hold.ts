import { eventActiveKey, eventDoneKey } from "../../onsale/redis-keys";
import {
  addressBudgetKey,
  bookedSeatsKey,
  HOLD_RECORD_GRACE_MS,
  type HoldRecord,
  holdKey,
  type OrderedHoldRecord,
  oneHoldKeys,
  personBudgetKey,
  SETTLED_HOLD_TTL_MS,
  type SettledHoldRecord,
  seatLocksKey,
  userHoldsKey,
} from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

/**
 * order-hold.lua: hold → order hold, locks and record extended to the payment window, status
 * ORDERED with `orderId`. `seatIds` are the hold's seats as the caller knows them (Postgres writes
 * the order with them at the same time): if the hold's seats are others, HOLD_CHANGED names them
 * and nothing changes.
 */
export async function orderHold(
  scripts: SeatScripts,
  showId: string,
  holdId: string,
  opts: {
    userId: string;
    orderId: string;
    now: number;
    paymentWindowMs: number;
    seatIds: string[];
  },
): Promise<
  | { outcome: "ORDERED"; hold: OrderedHoldRecord }
  | { outcome: "ALREADY_ORDERED"; hold: OrderedHoldRecord }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_EXPIRED" }
  | { outcome: "SEAT_TAKEN"; seats: string[] }
  | { outcome: "HOLD_CHANGED"; seats: string[] }
> {
  const reply = await scripts.run("order", oneHoldKeys({ showId, holdId, userId: opts.userId }), [
    opts.userId,
    String(opts.now),
    String(opts.paymentWindowMs),
    opts.orderId,
    String(HOLD_RECORD_GRACE_MS),
    new Date(opts.now + opts.paymentWindowMs).toISOString(),
    holdId,
    ...opts.seatIds,
  ]);
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

/** undo-order-hold.lua: the order could not be written, so put the hold back (RESTORE) or free it (RELEASE). */
export async function undoOrderHold(
  scripts: SeatScripts,
  hold: HoldRecord,
  orderId: string,
  mode: "RESTORE" | "RELEASE",
  nowMs: number,
): Promise<"RESTORED" | "RELEASED" | "HOLD_NOT_FOUND" | "MOVED_ON"> {
  const { showId, holdId, userId } = hold;
  const reply = await scripts.run("undoOrder", oneHoldKeys({ showId, holdId, userId }), [orderId, mode, String(nowMs)]);
  return reply[0];
}

/** An order as settling it needs: whose it is, its seats, and the budgets and admission they count against. */
export interface SettledOrder {
  showId: string;
  holdId: string;
  userId: string;
  seatIds: string[];
  orderId: string;
  /** The address budget the order was charged to (orders.budget_address_tag); null: none. */
  budgetAddressTag: string | null;
  /** A paid order of an on-sale event's show ends its buyer's admission (they are done shopping). */
  endsAdmission?: { eventId: string; windowMs: number };
}

/**
 * settle-order-seats.lua: an order's seats are BOOKed (paid) or FREEd (cancelled/expired). Its
 * locks go, its seats leave the person's and the address's budgets, and its hold record becomes a
 * SETTLED tombstone for SETTLED_HOLD_TTL_MS (written even if Redis had lost it). One round trip.
 */
export async function settleOrderSeats(
  scripts: SeatScripts,
  order: SettledOrder,
  mode: "BOOK" | "FREE",
): Promise<void> {
  const { showId, holdId, userId, seatIds, orderId, budgetAddressTag, endsAdmission } = order;
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
  const admission = mode === "BOOK" ? endsAdmission : undefined;
  await scripts.run(
    "settle",
    [
      bookedSeatsKey(showId),
      holdKey(showId, holdId),
      userHoldsKey(showId, userId),
      seatLocksKey(showId),
      personBudgetKey(userId),
      ...(budgetAddressTag ? [addressBudgetKey(budgetAddressTag)] : []),
      ...(admission ? [eventActiveKey(admission.eventId), eventDoneKey(admission.eventId)] : []),
    ],
    [
      userId,
      holdId,
      mode,
      orderId,
      JSON.stringify(tombstone),
      String(SETTLED_HOLD_TTL_MS),
      budgetAddressTag ? "1" : "0",
      admission ? "1" : "0",
      String(now.getTime()),
      String(admission?.windowMs ?? 0),
      ...seatIds,
    ],
  );
}
