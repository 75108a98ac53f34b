import { serverNow } from "../../../api/identity";
import { BOOKING_STORAGE_PREFIX } from "./booking-storage";

/**
 * What this browser is in the middle of booking, per show: the live hold (so coming back to the seat
 * map changes it with PUT instead of making a second hold) and, once there is one, the order
 * awaiting payment. The API has no "my hold for this show" lookup, so this is where it is kept.
 */
export interface BookingSession {
  showId: string;
  holdId: string;
  seatIds: string[];
  /** The hold's expiry (server time, ISO-8601). */
  expiresAt: string;
  /** Set once the hold became an order. */
  orderId?: string;
  /** The order's payment deadline. */
  orderExpiresAt?: string;
}

const PREFIX = BOOKING_STORAGE_PREFIX;
const memory = new Map<string, BookingSession>();

export function readSession(showId: string): BookingSession | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + showId);
    if (raw) return JSON.parse(raw) as BookingSession;
    return undefined;
  } catch {
    return memory.get(showId);
  }
}

export function writeSession(session: BookingSession): void {
  memory.set(session.showId, session);
  try {
    localStorage.setItem(PREFIX + session.showId, JSON.stringify(session));
  } catch {
    // Memory only.
  }
}

export function clearSession(showId: string, onlyHoldId?: string): void {
  const current = readSession(showId);
  if (onlyHoldId && current && current.holdId !== onlyHoldId) return;
  memory.delete(showId);
  try {
    localStorage.removeItem(PREFIX + showId);
  } catch {
    // Nothing stored.
  }
}

/** The session's hold, when it is still a live hold (not expired, not yet an order). */
export function liveHoldOf(session: BookingSession | undefined): BookingSession | undefined {
  if (!session || session.orderId) return undefined;
  return Date.parse(session.expiresAt) > serverNow() ? session : undefined;
}

/** The session's order, when it may still be awaiting payment. */
export function pendingOrderOf(session: BookingSession | undefined): BookingSession | undefined {
  if (!session?.orderId || !session.orderExpiresAt) return undefined;
  return Date.parse(session.orderExpiresAt) > serverNow() ? session : undefined;
}

const ORDERS_OF_HOLDS_KEY = "housefull.ordersOfHolds";

/** Remembers which order a hold became (a few recent ones), so an old checkout link finds its order. */
export function rememberOrderOfHold(holdId: string, orderId: string): void {
  try {
    const map = JSON.parse(localStorage.getItem(ORDERS_OF_HOLDS_KEY) ?? "{}") as Record<string, string>;
    map[holdId] = orderId;
    const recent = Object.entries(map).slice(-20);
    localStorage.setItem(ORDERS_OF_HOLDS_KEY, JSON.stringify(Object.fromEntries(recent)));
  } catch {
    // Not remembered; the checkout link then leads back to the seat map.
  }
}

export function orderOfHold(holdId: string): string | undefined {
  try {
    return (JSON.parse(localStorage.getItem(ORDERS_OF_HOLDS_KEY) ?? "{}") as Record<string, string>)[holdId];
  } catch {
    return undefined;
  }
}

/** A fresh key for one user attempt (Idempotency-Key). */
export function newAttemptKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Non-secure contexts (plain http on a LAN address) have no randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const CHECKOUT_KEY = "housefull.checkoutStarted.";

/**
 * Marks that this tab went to the provider's checkout for the order (sessionStorage: this tab,
 * across the round trip to the provider's page), so coming back unpaid can be told apart from a first visit.
 */
export function rememberCheckoutStarted(orderId: string): void {
  try {
    sessionStorage.setItem(CHECKOUT_KEY + orderId, "1");
  } catch {
    // Not remembered: the pay page then reads as a first visit.
  }
}

export function checkoutStartedFor(orderId: string): boolean {
  try {
    return sessionStorage.getItem(CHECKOUT_KEY + orderId) === "1";
  } catch {
    return false;
  }
}
