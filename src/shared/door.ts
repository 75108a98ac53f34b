import type { PublicTicketKey } from "./ticket-token";

/**
 * What the door's API answers (docs/TICKETS.md: check-in), defined once for the worker that
 * builds these and the scanner in the browser that reads them.
 */

/** A ticket as the door sees it: the order, its code, who booked it and its seats. */
export interface DoorTicket {
  orderId: string;
  ticketCode: string;
  /** The booker's full name from the order (the token carries a shortened one). */
  holder: string;
  seatIds: string[];
}

/** One seat let in: at which gate, when. */
export interface SeatAdmission {
  seatId: string;
  gate: string;
  admittedAt: string;
}

/** A show an usher may pick as their gate, with its door window. */
export interface Gate {
  showId: string;
  movieTitle: string;
  theatreName: string;
  startTime: string;
  doorsOpenAt: string;
  doorsCloseAt: string;
}

/** What an offline scanner needs for one show. */
export interface DoorManifest {
  showId: string;
  doorsOpenAt: string;
  doorsCloseAt: string;
  keys: PublicTicketKey[];
  /** Seats already admitted, per order. */
  admitted: { orderId: string; seats: SeatAdmission[] }[];
  /** Tickets that no longer stand: the order and its current version (any token of it is refused). */
  revoked: { orderId: string; version: number }[];
  /**
   * The confirmed tickets by typed code (`ticketCodeDigest`), so a code resolves offline: the order
   * and its seats, no personal data (a typed code admitted offline shows seats, not a name).
   */
  codes: ManifestCode[];
  generatedAt: string;
}

/** A confirmed ticket as the manifest names it for typed codes. */
export interface ManifestCode {
  digest: string;
  orderId: string;
  seatIds: string[];
}

/** One seat admitted twice (two offline gates): where and when first, where the second scan was. */
export interface DoorConflict {
  orderId: string;
  ticketCode: string | null;
  seatId: string;
  first: { gate: string; admittedAt: string };
  second: { gate: string; scannedAt: string };
  recordedAt: string;
}
