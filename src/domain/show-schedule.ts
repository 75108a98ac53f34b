import type { ShowStatus } from "../db/schema";

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
