import type { TicketVerdict } from "../shared/ticket-token";

/**
 * The door's pure rules (docs/TICKETS.md: check-in): when doors are open, and why a ticket is
 * refused. No I/O; the check-in and the offline sync both judge a scan with these.
 */

/** A show's length when its movie has none on record: long enough for any feature and trailers. */
export const DEFAULT_SHOW_MINUTES = 180;

export interface DoorShow {
  id: string;
  theatreId: string;
  startTime: string;
  status: string;
  durationMins: number | null;
}

export interface DoorWindow {
  opensAt: Date;
  closesAt: Date;
}

/** Doors open `doorsOpenMinutes` before the start and close when the show ends. */
export function doorWindowOf(show: Pick<DoorShow, "startTime" | "durationMins">, doorsOpenMinutes: number): DoorWindow {
  const start = new Date(show.startTime).getTime();
  return {
    opensAt: new Date(start - doorsOpenMinutes * 60_000),
    closesAt: new Date(start + (show.durationMins ?? DEFAULT_SHOW_MINUTES) * 60_000),
  };
}

export const REFUSAL_REASONS = [
  "MALFORMED",
  "FORGED",
  "UNKNOWN_KEY",
  "KEY_EXPIRED",
  "WRONG_SHOW",
  "WRONG_THEATRE",
  "DOORS_NOT_OPEN",
  "DOORS_CLOSED",
  "SHOW_CANCELLED",
  "REVOKED",
  "SEAT_NOT_ON_TICKET",
  "UNKNOWN_CODE",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  reason: RefusalReason;
  detail: string;
}

/** Why a token that did not verify is refused. */
export function refusalOfVerdict(verdict: Exclude<TicketVerdict, { outcome: "VALID" }>): Refusal {
  switch (verdict.outcome) {
    case "MALFORMED":
      return { reason: "MALFORMED", detail: `Not a ticket token (${verdict.reason})` };
    case "BAD_SIGNATURE":
      return { reason: "FORGED", detail: "The signature does not match the ticket: forged or altered" };
    case "UNKNOWN_KEY":
      return { reason: "UNKNOWN_KEY", detail: `Signed with key ${verdict.keyId}, which is not one of ours` };
    case "KEY_EXPIRED":
      return { reason: "KEY_EXPIRED", detail: `Signed with key ${verdict.keyId}, valid until ${verdict.notAfter}` };
  }
}

/** Whether a scan at `at` falls in the door window of `show`. */
export function windowRefusal(show: DoorShow, window: DoorWindow, at: Date): Refusal | undefined {
  if (show.status === "CANCELLED") return { reason: "SHOW_CANCELLED", detail: "This show was cancelled" };
  if (at.getTime() < window.opensAt.getTime())
    return { reason: "DOORS_NOT_OPEN", detail: `Doors open at ${window.opensAt.toISOString()}` };
  if (at.getTime() > window.closesAt.getTime())
    return { reason: "DOORS_CLOSED", detail: `The show ended at ${window.closesAt.toISOString()}` };
  return undefined;
}
