import type { Deps } from "../../deps";
import { allMovies, screensOf, showsAt, theatreById, theatresIn } from "../admin-store";
import { adminMovieOf } from "./manage-movies";
import { adminScreenOf, adminTheatreOf } from "./manage-theatres";
import { adminShowOf } from "./schedule-shows";

/** The back office's lists and single reads: nothing is decided here but which rows, in what window. */

export const listMovies = async (deps: Deps) => ({ movies: (await allMovies(deps.db)).map(adminMovieOf) });

export async function listTheatres(deps: Deps, input: { theatreIds: string[] | "all" }) {
  const rows = await theatresIn(deps.db, input.theatreIds);
  return { theatres: rows.map((t) => adminTheatreOf(t, deps.config.CANCELLATION_CUTOFF_MINUTES)) };
}

export async function readTheatre(deps: Deps, input: { theatreId: string }) {
  const row = await theatreById(deps.db, input.theatreId);
  if (!row) return { outcome: "THEATRE_NOT_FOUND" as const };
  return { outcome: "THEATRE" as const, theatre: adminTheatreOf(row, deps.config.CANCELLATION_CUTOFF_MINUTES) };
}

export const listScreens = async (deps: Deps, input: { theatreId: string }) => ({
  screens: (await screensOf(deps.db, input.theatreId)).map(adminScreenOf),
});

const DAY_MS = 86_400_000;

/** Shows starting in [from, to); by default from a day ago to two weeks ahead. */
export async function listShows(deps: Deps, input: { theatreId: string; from?: string; to?: string }) {
  const start = input.from ? new Date(input.from) : new Date(deps.clock.now().getTime() - DAY_MS);
  const end = input.to ? new Date(input.to) : new Date(start.getTime() + 15 * DAY_MS);
  const rows = await showsAt(deps.db, input.theatreId, { from: start, to: end });
  return { shows: rows.map((r) => adminShowOf(r.show, r.seatsSold, null)) };
}
