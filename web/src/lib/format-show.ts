import { CINEMA_TIME_ZONE, formatRupees } from "@housefull/shared";

// Show times read in the cinema's clock, wherever the user is; prices are exact (paise). Apart
// from ./format.ts so the movies page's first load carries none of this.

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: "numeric",
  minute: "2-digit",
  timeZone: CINEMA_TIME_ZONE,
});

/** "7:30 PM" (in the user's locale), read at the cinema. */
export function formatShowTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "250.00" → "₹250"; "1250.50" → "₹1,250.50" (exact: paise, never floats). */
export const formatPrice = (decimal: string): string => formatRupees(decimal, { paise: "when-nonzero" });

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: CINEMA_TIME_ZONE,
});
const longDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: CINEMA_TIME_ZONE,
});

/** "Wed, 27 Nov" (the cinema's calendar day). */
export function formatShowDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** "Wed, 27 Nov · 7:30 PM", read at the cinema. */
export function formatShowDateTime(iso: string): string {
  return `${formatShowDay(iso)} · ${formatShowTime(iso)}`;
}

/** "Wednesday, 27 November 2026" (the cinema's calendar day), for tickets. */
export function formatLongShowDay(iso: string): string {
  return longDayFormat.format(new Date(iso));
}

const stampFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: CINEMA_TIME_ZONE,
});

/** "27 Nov 2026, 7:30 PM" for booking timestamps. */
export function formatStamp(iso: string): string {
  return stampFormat.format(new Date(iso));
}
