import type { Deps } from "../../deps";
import type { DoorTicket, SeatAdmission } from "../../shared/door";
import { decodeTicketToken } from "../../shared/ticket-token";
import type { Refusal } from "../door-rules";
import { admit, ordersAtDoor } from "../door-store";
import { judgeScan } from "../judge-scan";
import { ticketKeyringOf, verifyTicket } from "../ticket-token";
import { openGate } from "./open-gate";

export type CheckInOutcome =
  | { outcome: "ADMITTED"; ticket: DoorTicket; admitted: string[]; earlier: SeatAdmission[]; admittedAt: string }
  | { outcome: "ALREADY_ADMITTED"; ticket: DoorTicket; earlier: SeatAdmission[] }
  | ({ outcome: "REFUSED"; ticket?: DoorTicket } & Refusal)
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "FORBIDDEN" };

export interface CheckInInput {
  userId: string;
  showId: string;
  gate: string;
  token: string;
  /** The seats to admit now (part of the order); all of the ticket's when omitted. */
  seats?: string[];
  /** The scanner's id for this scan: a retried request whose answer was lost admits again, not "already". */
  scanId?: string;
}

const iso = (text: string) => new Date(text).toISOString();

/**
 * An usher's online scan (docs/TICKETS.md: check-in): the gate (show + authorization), the scan
 * judged, then the admission recorded — first scan wins, per seat, atomically.
 */
export async function checkIn(deps: Deps, input: CheckInInput): Promise<CheckInOutcome> {
  const now = deps.clock.now();
  const decoded = decodeTicketToken(input.token);
  const orderId = "malformed" in decoded ? undefined : decoded.ticket.orderId;
  const [gate, orders] = await Promise.all([
    openGate(deps, { userId: input.userId, showId: input.showId, action: "admit" }),
    orderId ? ordersAtDoor(deps.db, [orderId]) : Promise.resolve([]),
  ]);
  if (gate.outcome !== "OPEN") return gate;
  const { verifying } = await ticketKeyringOf(deps.config.TICKET_SIGNING_KEYS);
  const judged = await judgeScan({
    verdict: await verifyTicket(verifying, input.token, now),
    show: gate.show,
    window: gate.window,
    order: orders[0],
    at: now,
    seats: input.seats,
  });
  if (judged.outcome === "REFUSED") return judged;

  const { ticket, seats } = judged;
  const scanId = input.scanId ?? crypto.randomUUID();
  const { inserted, standing } = await admit(
    deps.db,
    seats.map((seatId) => ({
      orderId: ticket.orderId,
      seatId,
      showId: gate.show.id,
      gate: input.gate,
      admittedAt: now.toISOString(),
      scanId,
      scannedBy: input.userId,
      source: "online" as const,
    })),
  );
  // Seats this scan holds: inserted now, or by an earlier try of the same scan.
  const mine = new Set([...inserted, ...standing.filter((s) => s.scanId === scanId)].map((s) => s.seatId));
  const earlier = standing
    .filter((s) => seats.includes(s.seatId) && !mine.has(s.seatId))
    .map((s) => ({ seatId: s.seatId, gate: s.gate, admittedAt: iso(s.admittedAt) }));
  if (mine.size === 0) return { outcome: "ALREADY_ADMITTED", ticket, earlier };
  const admitted = seats.filter((s) => mine.has(s));
  return { outcome: "ADMITTED", ticket, admitted, earlier, admittedAt: now.toISOString() };
}
