/**
 * The cinemas' clock. Shows are listed, dated and printed in the time zone where the cinemas are —
 * never the browser's or the server's. All cinemas are in India: one zone, UTC+05:30 all year (no
 * daylight saving since 1945), so a fixed offset is exact and costs no time-zone database.
 */
export const CINEMA_TIME_ZONE = "Asia/Kolkata";
export const CINEMA_UTC_OFFSET_MINUTES = 330;

const OFFSET_MS = CINEMA_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, "0");
/** "+05:30": the offset as ISO 8601 writes it, from the one number above. */
const OFFSET_ISO = `+${pad2(Math.floor(CINEMA_UTC_OFFSET_MINUTES / 60))}:${pad2(CINEMA_UTC_OFFSET_MINUTES % 60)}`;

/** The instant of a cinema wall-clock time: day "YYYY-MM-DD" and clock "HH:MM[:SS]" → ISO 8601 with the offset. */
export function cinemaInstant(day: string, clock: string): string {
  return `${day}T${clock.length === 5 ? `${clock}:00` : clock}${OFFSET_ISO}`;
}

/** A Date whose UTC fields read as the cinema's wall clock at `instant` (read them with getUTC…). */
export function cinemaWallTime(instant: Date | string): Date {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(ms + OFFSET_MS);
}

/** The cinema's calendar date of an instant, "YYYY-MM-DD". */
export function cinemaDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today at the cinemas, "YYYY-MM-DD". */
export const cinemaToday = (now: Date = new Date()): string => cinemaDate(now);

/** The UTC instants [from, to) covering a cinema calendar day "YYYY-MM-DD". */
export function cinemaDayBounds(day: string): { from: Date; to: Date } {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The cinema date `days` after `day` ("YYYY-MM-DD" arithmetic, no local clock involved). */
export function addCinemaDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A Date whose UTC fields read as the cinema's wall clock: format it with `timeZone: "UTC"`. */
export const cinemaWallClock = (day: string): Date => new Date(`${day}T00:00:00Z`);
