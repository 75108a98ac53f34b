/**
 * The show's time as the emails print it: the cinemas' wall clock (src/shared/cinema-time.ts),
 * in English, without the runtime's locale (Node and workerd give the same bytes).
 */

import { cinemaWallTime } from "../../shared/cinema-time";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface IstParts {
  weekday: string;
  day: number;
  month: string;
  year: number;
  time: string;
}

function istParts(instant: string): IstParts {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${instant}`);
  // Shift the instant by the zone's offset, then read the UTC fields: they are the wall clock in IST.
  const local = cinemaWallTime(new Date(ms));
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, "0");
  return {
    weekday: WEEKDAYS[local.getUTCDay()] as string,
    day: local.getUTCDate(),
    month: MONTHS[local.getUTCMonth()] as string,
    year: local.getUTCFullYear(),
    time: `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`,
  };
}

/** "Friday, 15 March 2024, 7:30 PM IST" — the show's time where the cinemas are. */
export function formatIstDateTime(instant: string): string {
  const p = istParts(instant);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}, ${p.time} IST`;
}

/** "Fri 15 Mar, 7:30 PM" — short enough for a subject line. */
export function formatIstShort(instant: string): string {
  const p = istParts(instant);
  return `${p.weekday.slice(0, 3)} ${p.day} ${p.month.slice(0, 3)}, ${p.time}`;
}
