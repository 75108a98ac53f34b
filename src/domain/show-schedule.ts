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

/** Minutes a hall needs between one show's end and the next start (SHOW_CLEANING_BUFFER_MINUTES). */
export const SHOW_CLEANING_BUFFER_MINUTES = 15;

/** When the hall is free again after a show: start + runtime + cleaning buffer. */
export const hallFreeAt = (start: Date, runtimeMins: number, bufferMins: number): Date =>
  new Date(start.getTime() + (runtimeMins + bufferMins) * 60_000);

/** At most this many shows in one request (a month of four shows a day, and some). */
export const MAX_SHOWS_PER_RUN = 150;

/**
 * The start times of a run: every cinema day from `from` to `to` at each wall-clock time (the
 * cinema's offset, no daylight saving), in order. Undefined when the run is longer than allowed.
 */
export function runStartTimes(
  run: { from: string; to: string; times: string[] },
  offsetMinutes: number,
): Date[] | undefined {
  const starts: Date[] = [];
  for (let day = run.from; day <= run.to; day = nextDay(day)) {
    for (const time of [...new Set(run.times)].sort()) {
      starts.push(new Date(Date.parse(`${day}T${time}:00Z`) - offsetMinutes * 60_000));
      if (starts.length > MAX_SHOWS_PER_RUN) return undefined;
    }
  }
  return starts;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Pairs of [start, hall free) ranges that overlap, as indexes into `ranges`. */
export function overlappingPairs(ranges: { start: Date; end: Date }[]): [number, number][] {
  const order = ranges
    .map((_, i) => i)
    .sort((a, b) => (ranges[a]?.start.getTime() ?? 0) - (ranges[b]?.start.getTime() ?? 0));
  const pairs: [number, number][] = [];
  for (let k = 1; k < order.length; k++) {
    const prev = ranges[order[k - 1] as number];
    const cur = ranges[order[k] as number];
    if (prev && cur && cur.start < prev.end) pairs.push([order[k - 1] as number, order[k] as number]);
  }
  return pairs;
}
