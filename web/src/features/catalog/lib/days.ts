import { addCinemaDays, cinemaToday, cinemaWallClock } from "@housefull/shared";

/** A calendar day at the cinemas (never the browser's own), as the API's `date` parameter wants it. */
export interface CalendarDay {
  /** YYYY-MM-DD */
  iso: string;
  /** "Today", "Tomorrow", or the short weekday ("Wed"). */
  label: string;
  /** "27" */
  dayOfMonth: string;
  /** "Nov" */
  month: string;
  /** "Wednesday, 27 November", for screen readers and titles. */
  fullLabel: string;
}

// The cinema's wall-clock dates are formatted as UTC (cinemaWallClock), in the user's own language.
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short", timeZone: "UTC" });
const month = new Intl.DateTimeFormat(undefined, { month: "short", timeZone: "UTC" });
const full = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** Today at the cinemas and the days after it: `count` (at least 1) days, today first. */
export function nextDays(count: number, now = new Date()): [CalendarDay, ...CalendarDay[]] {
  const today = cinemaToday(now);
  const rest = Array.from({ length: Math.max(0, count - 1) }, (_, i) => calendarDay(today, i + 1));
  return [calendarDay(today, 0), ...rest];
}

function calendarDay(today: string, offset: number): CalendarDay {
  const iso = addCinemaDays(today, offset);
  const day = cinemaWallClock(iso);
  return {
    iso,
    label: offset === 0 ? "Today" : offset === 1 ? "Tomorrow" : weekday.format(day),
    dayOfMonth: String(day.getUTCDate()),
    month: month.format(day),
    fullLabel: full.format(day),
  };
}
