import { publishCatalogChange } from "../../catalog/catalog-version";
import { postgresErrorOf } from "../../db/client";
import { shows } from "../../db/schema";
import type { Deps } from "../../deps";
import { DEFAULT_LAYOUT, type SeatLayout } from "../../domain/seat-layout";
import { hallFreeAt, MAX_SHOWS_PER_RUN, overlappingPairs, runStartTimes } from "../../domain/show-schedule";
import type { AdminShow, ScheduleShowsBody } from "../../shared/admin-schemas";
import { CINEMA_UTC_OFFSET_MINUTES } from "../../shared/cinema-time";
import { sumAmounts, toPaise } from "../../shared/money";
import { clashesIn, movieById, type ShowRow, screenOf } from "../admin-store";
import { recordCreation, type StaffActor } from "../audit-log";

export interface Clash {
  showId: string | null;
  startTime: string;
  hallFreeAt: string;
  /** The requested show (its start) that meets it. */
  requestedStart: string;
}

export type PriceProblem = { outcome: "PRICES_INVALID"; missing: string[]; unknown: string[] };

export type ScheduleShowsOutcome =
  | { outcome: "SCHEDULED"; shows: AdminShow[] }
  | { outcome: "SCREEN_NOT_FOUND" }
  | { outcome: "MOVIE_NOT_FOUND" }
  | { outcome: "MOVIE_RETIRED" }
  | { outcome: "RUN_TOO_LONG"; limit: number }
  | { outcome: "IN_THE_PAST"; startTime: string }
  | PriceProblem
  | { outcome: "SHOW_OVERLAP"; clashes: Clash[] };

export const adminShowOf = (show: ShowRow, seatsSold: number, layout: SeatLayout | null): AdminShow => ({
  id: show.id,
  theatreId: show.theatreId,
  screenId: show.screenId,
  movieId: show.movieId,
  layoutId: show.layoutId,
  startTime: new Date(show.startTime).toISOString(),
  hallFreeAt: show.hallFreeAt && new Date(show.hallFreeAt).toISOString(),
  language: show.language,
  format: show.format,
  prices: show.categoryPrices ?? basePrices(layout ?? DEFAULT_LAYOUT, show.price),
  salesOpen: show.salesOpen,
  orphanRule: show.orphanRule,
  onsaleEventId: show.onsaleEventId,
  status: show.status,
  seatsSold,
});

const basePrices = (layout: SeatLayout, base: string) =>
  Object.fromEntries(layout.categories.map((c) => [c.code, sumAmounts([base, c.surcharge])]));

/** Every category of the layout priced, and no other: else which are missing or unknown. */
export function checkPrices(layout: SeatLayout, prices: Record<string, string>): PriceProblem | undefined {
  const codes = layout.categories.map((c) => c.code);
  const missing = codes.filter((c) => !(c in prices));
  const unknown = Object.keys(prices).filter((c) => !codes.includes(c));
  return missing.length || unknown.length ? { outcome: "PRICES_INVALID", missing, unknown } : undefined;
}

/** The lowest price: the show's base price (see pricedLayout). */
export const basePriceOf = (prices: Record<string, string>) =>
  Object.values(prices).reduce((low, p) => (toPaise(p) < toPaise(low) ? p : low));

/**
 * One show or a run of them on a screen, all or none. Overlaps — with the screen's live shows, or
 * within the run — are refused naming each clash; Postgres's exclusion constraint refuses the
 * same for a concurrent request that checked at the same moment (then the clash is read back).
 */
export async function scheduleShows(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; body: ScheduleShowsBody },
): Promise<ScheduleShowsOutcome> {
  const { db, config } = deps;
  const { body } = input;
  const [screen, movie] = await Promise.all([
    screenOf(db, input.theatreId, body.screenId),
    movieById(db, body.movieId),
  ]);
  if (!screen) return { outcome: "SCREEN_NOT_FOUND" };
  if (!movie) return { outcome: "MOVIE_NOT_FOUND" };
  if (movie.retiredAt) return { outcome: "MOVIE_RETIRED" };
  const layout = screen.layout?.layout ?? DEFAULT_LAYOUT;
  const priceProblem = checkPrices(layout, body.prices);
  if (priceProblem) return priceProblem;

  const starts = "startTime" in body ? [new Date(body.startTime)] : runStartTimes(body.run, CINEMA_UTC_OFFSET_MINUTES);
  if (!starts) return { outcome: "RUN_TOO_LONG", limit: MAX_SHOWS_PER_RUN };
  const now = deps.clock.now();
  const past = starts.find((s) => s <= now);
  if (past) return { outcome: "IN_THE_PAST", startTime: past.toISOString() };
  const runtime = movie.durationMins ?? 180;
  const ranges = starts.map((start) => ({
    start,
    end: hallFreeAt(start, runtime, config.SHOW_CLEANING_BUFFER_MINUTES),
  }));

  const within = overlappingPairs(ranges);
  if (within.length) {
    return {
      outcome: "SHOW_OVERLAP",
      clashes: within.map(([a, b]) => ({
        showId: null,
        startTime: (ranges[a] as { start: Date }).start.toISOString(),
        hallFreeAt: (ranges[a] as { end: Date }).end.toISOString(),
        requestedStart: (ranges[b] as { start: Date }).start.toISOString(),
      })),
    };
  }
  const existing = await clashesWith(deps, body.screenId, ranges);
  if (existing.length) return { outcome: "SHOW_OVERLAP", clashes: existing };

  const price = basePriceOf(body.prices);
  const rows = ranges.map((r) => ({
    id: crypto.randomUUID(),
    movieId: movie.id,
    theatreId: input.theatreId,
    screenId: body.screenId,
    layoutId: screen.layout?.id ?? null,
    startTime: r.start.toISOString(),
    hallFreeAt: r.end.toISOString(),
    price,
    categoryPrices: body.prices,
    language: body.language ?? movie.languages[0] ?? movie.language,
    format: body.format ?? movie.formats[0] ?? movie.format,
    salesOpen: body.salesOpen,
    orphanRule: body.orphanRule,
  }));
  let inserted: ShowRow[];
  try {
    const [created] = await db.batch([
      db.insert(shows).values(rows).returning(),
      ...rows.map((row) => recordCreation(db, input.actor, input.theatreId, { type: "show", id: row.id }, row)),
    ]);
    inserted = created;
  } catch (error) {
    const pg = postgresErrorOf(error);
    if (pg?.code !== "23P01") throw error;
    // Another request scheduled into the same time at the same moment, and won.
    return { outcome: "SHOW_OVERLAP", clashes: await clashesWith(deps, body.screenId, ranges) };
  }
  await publishCatalogChange();
  return { outcome: "SCHEDULED", shows: inserted.map((s) => adminShowOf(s, 0, layout)) };
}

async function clashesWith(deps: Deps, screenId: string, ranges: { start: Date; end: Date }[]): Promise<Clash[]> {
  const found = await clashesIn(deps.db, screenId, ranges);
  return found.map((c) => {
    const start = new Date(c.startTime);
    const end = new Date(c.hallFreeAt as string);
    const requested = ranges.find((r) => r.start < end && start < r.end);
    return {
      showId: c.id,
      startTime: start.toISOString(),
      hallFreeAt: end.toISOString(),
      requestedStart: requested?.start.toISOString() ?? "",
    };
  });
}
