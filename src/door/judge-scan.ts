import type { DoorTicket } from "../shared/door";
import type { Ticket, TicketVerdict } from "../shared/ticket-token";
import { type DoorShow, type DoorWindow, type Refusal, refusalOfVerdict, windowRefusal } from "./door-rules";
import type { OrderAtDoor } from "./door-store";
import { ticketVersionOf } from "./ticket-version";

export type ScanJudgement =
  | { outcome: "ACCEPTED"; ticket: DoorTicket; seats: string[] }
  | ({ outcome: "REFUSED"; ticket?: DoorTicket } & Refusal);

const iso = (text: string | null) => (text === null ? null : new Date(text).toISOString());

/** The order's current ticket version, computed exactly as when its ticket was issued. */
export const currentVersionOf = (
  order: Pick<OrderAtDoor, "orderId" | "status" | "seatIds" | "confirmedAt" | "cancelledAt">,
) =>
  ticketVersionOf({
    orderId: order.orderId,
    status: order.status,
    seatIds: order.seatIds,
    confirmedAt: iso(order.confirmedAt),
    cancelledAt: iso(order.cancelledAt),
  });

const doorTicketOf = (ticket: Ticket, order: OrderAtDoor | undefined): DoorTicket => ({
  orderId: ticket.orderId,
  ticketCode: ticket.ticketCode,
  holder: order?.customerName ?? ticket.holder,
  seatIds: ticket.seatIds,
});

/**
 * One scan at the gate of `show`, at `at`: the token's verdict, then the show and theatre, the door
 * window, the order still confirmed with the token's version, and the seats asked for. The first
 * reason found is the answer; nothing here writes.
 */
export async function judgeScan(scan: {
  verdict: TicketVerdict;
  show: DoorShow;
  window: DoorWindow;
  order: OrderAtDoor | undefined;
  at: Date;
  seats: readonly string[] | undefined;
}): Promise<ScanJudgement> {
  const { verdict, show, order } = scan;
  if (verdict.outcome !== "VALID") return { outcome: "REFUSED", ...refusalOfVerdict(verdict) };
  const ticket = doorTicketOf(verdict.ticket, order);
  if (verdict.ticket.showId !== show.id) {
    const otherTheatre = order !== undefined && order.theatreId !== show.theatreId;
    return otherTheatre
      ? { outcome: "REFUSED", reason: "WRONG_THEATRE", detail: "A ticket for a show at another theatre", ticket }
      : { outcome: "REFUSED", reason: "WRONG_SHOW", detail: "A ticket for another show", ticket };
  }
  const closed = windowRefusal(show, scan.window, scan.at);
  if (closed) return { outcome: "REFUSED", ...closed, ticket };
  if (order?.status !== "CONFIRMED" || (await currentVersionOf(order)) !== verdict.ticket.version) {
    const status = order?.status ?? "gone";
    return { outcome: "REFUSED", reason: "REVOKED", detail: `This ticket no longer stands (order ${status})`, ticket };
  }
  const seats = scan.seats ?? verdict.ticket.seatIds;
  const stray = seats.filter((s) => !verdict.ticket.seatIds.includes(s));
  if (stray.length > 0)
    return {
      outcome: "REFUSED",
      reason: "SEAT_NOT_ON_TICKET",
      detail: `Not on this ticket: ${stray.join(", ")}`,
      ticket,
    };
  return { outcome: "ACCEPTED", ticket, seats: [...new Set(seats)] };
}
