/**
 * Where this browser keeps what it is in the middle of booking (one entry per show, see
 * ./session.ts). Kept apart, with no imports, so the identity layer can name this browser's holds
 * when a guest signs in (they move to the account) without importing the booking feature.
 */
export const BOOKING_STORAGE_PREFIX = "housefull.booking.";

/** The hold ids of every booking in progress here (live holds and holds that became orders). */
export function holdIdsBookedHere(): string[] {
  const ids: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(BOOKING_STORAGE_PREFIX)) continue;
      const entry = JSON.parse(localStorage.getItem(key) ?? "null") as { holdId?: unknown } | null;
      if (typeof entry?.holdId === "string") ids.push(entry.holdId);
    }
  } catch {
    // Storage blocked or corrupt: nothing to name.
  }
  return ids.slice(0, 20);
}
