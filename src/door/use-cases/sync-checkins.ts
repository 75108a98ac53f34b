import type { Deps } from "../../deps";
import type { DoorTicket, SeatAdmission } from "../../shared/door";
import type { Refusal } from "../door-rules";
import { admit, type NewAdmission, type NewConflict, ordersAtDoor, recordConflicts } from "../door-store";
import type { ScanJudgement } from "../judge-scan";
import { judgeCredential, lookupsOf, type ScanCredential } from "../scan-credential";
import { ticketKeyringOf } from "../ticket-token";
import { openGate } from "./open-gate";

export type OfflineAdmission = {
  /** The device's id for this scan; a resent batch is recognised by it. */
  scanId: string;
  gate: string;
  /** When the device admitted it. */
  scannedAt: string;
  seats?: string[];
  /** The ticket: the token scanned, or the code typed. */
} & ScanCredential;

export type SyncResult =
  | { scanId: string; outcome: "ADMITTED"; ticket: DoorTicket; admitted: string[] }
  /** Some seat was already admitted by another scan: the first stands, this one is on the conflicts list. */
  | { scanId: string; outcome: "CONFLICT"; ticket: DoorTicket; admitted: string[]; first: SeatAdmission[] }
  | ({ scanId: string; outcome: "REFUSED"; ticket?: DoorTicket } & Refusal);

export type SyncOutcome =
  | { outcome: "SYNCED"; results: SyncResult[] }
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "FORBIDDEN" };

/** How far ahead of the server a device's clock may be before its scan time is not believed. */
const CLOCK_SKEW_MS = 5 * 60_000;
const iso = (text: string) => new Date(text).toISOString();

/**
 * Admissions a scanner made offline, in one batch (docs/TICKETS.md: offline): each judged as an
 * online scan at its own scan time (key validity and door window then; revocation now), all
 * recorded in one round trip, first recorded wins; a seat someone else had admitted is a conflict,
 * recorded so both gates and the manager see it.
 */
export async function syncCheckins(
  deps: Deps,
  input: { userId: string; showId: string; admissions: OfflineAdmission[] },
): Promise<SyncOutcome> {
  const now = deps.clock.now();
  const { orderIds, codes } = lookupsOf(input.admissions);
  const [gate, orders] = await Promise.all([
    openGate(deps, { userId: input.userId, showId: input.showId, action: "admit" }),
    ordersAtDoor(deps.db, orderIds, codes),
  ]);
  if (gate.outcome !== "OPEN") return gate;
  const { verifying } = await ticketKeyringOf(deps.config.TICKET_SIGNING_KEYS);

  const judged: { item: OfflineAdmission; at: Date; judgement: ScanJudgement }[] = [];
  for (const item of input.admissions) {
    // A scan time in the future is the device's clock, not the truth: it counts as now.
    const at = new Date(Math.min(new Date(item.scannedAt).getTime(), now.getTime() + CLOCK_SKEW_MS));
    const judgement = await judgeCredential({
      credential: item,
      orders,
      verifying,
      show: gate.show,
      window: gate.window,
      at,
      seats: item.seats,
    });
    judged.push({ item, at, judgement });
  }

  const rows: NewAdmission[] = judged.flatMap(({ item, at, judgement }) =>
    judgement.outcome === "ACCEPTED"
      ? judgement.seats.map((seatId) => ({
          orderId: judgement.ticket.orderId,
          seatId,
          showId: gate.show.id,
          gate: item.gate,
          admittedAt: at.toISOString(),
          scanId: item.scanId,
          scannedBy: input.userId,
          source: "offline" as const,
        }))
      : [],
  );
  const { standing } = rows.length > 0 ? await admit(deps.db, rows) : { standing: [] };

  const conflicts: NewConflict[] = [];
  const results = judged.map(({ item, at, judgement }): SyncResult => {
    if (judgement.outcome === "REFUSED") return { ...judgement, scanId: item.scanId };
    const { ticket, seats } = judgement;
    const holders = seats.map((seatId) => standing.find((s) => s.orderId === ticket.orderId && s.seatId === seatId));
    const first = holders.flatMap((s) =>
      s && s.scanId !== item.scanId ? [{ seatId: s.seatId, gate: s.gate, admittedAt: iso(s.admittedAt) }] : [],
    );
    const admitted = seats.filter((seatId) => !first.some((f) => f.seatId === seatId));
    if (first.length === 0) return { scanId: item.scanId, outcome: "ADMITTED", ticket, admitted };
    for (const f of first)
      conflicts.push({
        showId: gate.show.id,
        orderId: ticket.orderId,
        seatId: f.seatId,
        gate: item.gate,
        scannedAt: at.toISOString(),
        scanId: item.scanId,
        scannedBy: input.userId,
        firstGate: f.gate,
        firstAdmittedAt: f.admittedAt,
      });
    return { scanId: item.scanId, outcome: "CONFLICT", ticket, admitted, first };
  });
  await recordConflicts(deps.db, conflicts);
  return { outcome: "SYNCED", results };
}
