import type { Deps } from "../../deps";
import { showSeatTruth, upcomingSeatTruth, upcomingShowIds } from "../seat-truth-store";

type Missing = { outcome: "SHOW_STATE_MISSING" };

/**
 * Rebuilds one show's Redis state from Postgres: one SQL read, one script (booked set, pending
 * orders' hold records and locks, the state epoch). Holds and seat maps call this when Redis
 * never had or lost the show, so correctness never waits for the cron; the first hold or seat map
 * of a show Redis has not seen yet pays it once (1 database + 1 Redis call more).
 */
export async function rebuildShowState(deps: Deps, showId: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const truth = (await showSeatTruth(deps.db, showId)) ?? { showId, booked: [], pending: [], settled: [] };
  await deps.seats.rebuildShowState(truth, [], now);
}

/** Runs a seat script; when it finds the show's state missing, rebuilds it and runs it once more. */
export async function withShowState<T extends { outcome: string }>(
  deps: Deps,
  showId: string,
  attempt: () => Promise<T>,
): Promise<Exclude<T, Missing>> {
  const present = (result: T): result is Exclude<T, Missing> => result.outcome !== "SHOW_STATE_MISSING";
  const first = await attempt();
  if (present(first)) return first;
  await rebuildShowState(deps, showId);
  const second = await attempt();
  if (present(second)) return second;
  throw new Error(`seat state of show ${showId} missing right after its rebuild`);
}

/**
 * The cron's repair: makes Redis agree with Postgres for upcoming shows. Booked sets get the
 * confirmed seats they lack and lose seats no longer sold; pending orders get back hold records
 * and locks Redis lost, and their seats' live-seat budget entries (person and address); orders
 * paid or cancelled within their payment window lose theirs (a settle that never reached Redis);
 * shows Redis never saw get their state. A plain hold's budget entries need no repair: Postgres
 * never knew the hold, and each entry lapses by itself at the hold's deadline (its score). Redis is read before Postgres, so
 * a seat booked in between is already in Postgres when it is read and is never removed as stale.
 * The writes are compare-and-set inside the rebuild script: an order settled after Postgres was
 * read (cancelled, expired, paid) is never revived.
 */
export async function repairSeatState(deps: Deps) {
  const showIds = await upcomingShowIds(deps.db);
  const inRedis = await deps.seats.readShowStates(showIds);
  const truths = await upcomingSeatTruth(deps.db);
  const now = deps.clock.now().getTime();
  const work = truths.flatMap((truth) => {
    const cached = inRedis.get(truth.showId);
    const booked = new Set(truth.booked.flatMap((b) => b.seatIds));
    const stale = cached ? [...cached.booked].filter((s) => !booked.has(s)) : [];
    const lacking = !cached?.present || [...booked].some((s) => !cached.booked.has(s));
    const budgets = truth.pending.length > 0 || truth.settled.length > 0;
    return lacking || stale.length > 0 || budgets ? [{ truth, stale }] : [];
  });
  const results = await Promise.all(work.map(({ truth, stale }) => deps.seats.rebuildShowState(truth, stale, now)));
  const sum = (key: keyof (typeof results)[number]) => results.reduce((total, r) => total + r[key], 0);
  return {
    shows: showIds.length,
    rebuilt: results.length,
    bookedAdded: sum("bookedAdded"),
    bookedRemoved: sum("bookedRemoved"),
    locksRestored: sum("locksRestored"),
    budgetCharged: sum("budgetCharged"),
    budgetFreed: sum("budgetFreed"),
  };
}
