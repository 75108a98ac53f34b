import type { Deps } from "../../deps";
import type { DoorTicket, SeatAdmission } from "../../shared/door";
import type { Refusal } from "../door-rules";
import { admit, ordersAtDoor } from "../door-store";
import { judgeCredential, lookupsOf, type ScanCredential } from "../scan-credential";
import { ticketKeyringOf } from "../ticket-token";
import { openGate } from "./open-gate";

export type CheckInOutcome =
  | { outcome: "ADMITTED"; ticket: DoorTicket; admitted: string[]; earlier: SeatAdmission[]; admittedAt: string }
  | { outcome: "ALREADY_ADMITTED"; ticket: DoorTicket; earlier: SeatAdmission[] }
  | ({ outcome: "REFUSED"; ticket?: DoorTicket } & Refusal)
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "FORBIDDEN" };

export type CheckInInput = {
  userId: string;
  showId: string;
  gate: string;
  /** The seats to admit now (part of the order); all of the ticket's when omitted. */
  seats?: string[];
  /** The scanner's id for this scan: a retried request whose answer was lost admits again, not "already". */
  scanId?: string;
  /** The ticket: its QR code's token, or the short code the usher typed. */
} & ({ token: string; code?: undefined } | { code: string; token?: undefined });

const iso = (text: string) => new Date(text).toISOString();

/**
 * An usher's online scan (docs/TICKETS.md: check-in): the gate (show + authorization), the scan
 * judged — a scanned token or a typed code, by the same rules — then the admission recorded: first
 * scan wins, per seat, atomically.
 */
export async function checkIn(deps: Deps, input: CheckInInput): Promise<CheckInOutcome> {
  const now = deps.clock.now();
  const credential: ScanCredential = input.code !== undefined ? { code: input.code } : { token: input.token };
  const { orderIds, codes } = lookupsOf([credential]);
  const [gate, orders] = await Promise.all([
    openGate(deps, { userId: input.userId, showId: input.showId, action: "admit" }),
    ordersAtDoor(deps.db, orderIds, codes),
  ]);
  if (gate.outcome !== "OPEN") return gate;
  const { verifying } = await ticketKeyringOf(deps.config.TICKET_SIGNING_KEYS);
  const judged = await judgeCredential({
    credential,
    orders,
    verifying,
    show: gate.show,
    window: gate.window,
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
