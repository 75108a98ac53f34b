import type { ShowStatus } from "../db/schema";

/**
 * Shows are listed by the calendar day where the cinemas are. All seeded cinemas are in India,
 * which has one zone and no daylight saving: UTC+05:30.
 */
export const CINEMA_UTC_OFFSET_MINUTES = 330;

/** The UTC instants [from, to) covering a local calendar day "YYYY-MM-DD". */
export function localDayBounds(day: string, offsetMinutes = CINEMA_UTC_OFFSET_MINUTES): { from: Date; to: Date } {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d) - offsetMinutes * 60_000);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

/** Today's local date at the cinemas, "YYYY-MM-DD". */
export function localToday(now: Date, offsetMinutes = CINEMA_UTC_OFFSET_MINUTES): string {
  return new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * What a show listing says about a show: a cancelled show stays cancelled; otherwise the badge
 * follows how full the hall is (FILLING_FAST from 60 % sold, ALMOST_FULL from 90 %).
 */
export function showStatusOf(stored: ShowStatus, capacity: number, seatsTaken: number): ShowStatus {
  if (stored === "CANCELLED") return "CANCELLED";
  const sold = capacity === 0 ? 1 : seatsTaken / capacity;
  if (sold >= 0.9) return "ALMOST_FULL";
  if (sold >= 0.6) return "FILLING_FAST";
  return "AVAILABLE";
}
