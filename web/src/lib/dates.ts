/** Calendar days in the user's own time zone, as the API's `date` parameter wants them: YYYY-MM-DD. */

export function isoDate(day: Date): string {
  const y = day.getFullYear();
  const m = String(day.getMonth() + 1).padStart(2, "0");
  const d = String(day.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

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

const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short" });
const month = new Intl.DateTimeFormat(undefined, { month: "short" });
const full = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long" });

/** Today and the days after it: `count` (at least 1) local calendar days, today first. */
export function nextDays(count: number, now = new Date()): [CalendarDay, ...CalendarDay[]] {
  const rest = Array.from({ length: Math.max(0, count - 1) }, (_, i) => calendarDay(now, i + 1));
  return [calendarDay(now, 0), ...rest];
}

/** The day `offset` days after `now`'s date (DST-safe: built from y/m/d, not by adding 24 h). */
function calendarDay(now: Date, offset: number): CalendarDay {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return {
    iso: isoDate(day),
    label: offset === 0 ? "Today" : offset === 1 ? "Tomorrow" : weekday.format(day),
    dayOfMonth: String(day.getDate()),
    month: month.format(day),
    fullLabel: full.format(day),
  };
}
