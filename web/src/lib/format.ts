/** How the catalogue's facts about a movie read (show times and prices: ./format-show.ts). */

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
