import { CINEMA_TIME_ZONE, formatRupees } from "@housefull/shared";

// Show times read in the cinema's clock (@housefull/shared), wherever the user is.

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

/** 152 → "2h 32m". */
export function formatRuntime(minutes: number | null): string | null {
  if (!minutes || minutes <= 0) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** "8.1" → "8.1"; anything unparsable → null. */
export function formatRating(rating: string | null): string | null {
  if (rating === null) return null;
  const value = Number(rating);
  return Number.isFinite(value) ? value.toFixed(1) : null;
}

const releaseFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-11-13" → "13 Nov 2026" (in the user's locale). */
export function formatReleaseDate(date: string | null): string | null {
  if (!date) return null;
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? null : releaseFormat.format(parsed);
}

/** "Sold out" / "3 seats left" / "120 seats left". */
export function seatsLeftLabel(seatsLeft: number): string {
  if (seatsLeft <= 0) return "Sold out";
  return seatsLeft === 1 ? "1 seat left" : `${seatsLeft} seats left`;
}

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
