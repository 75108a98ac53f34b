import { isAccountId } from "../../accounts/accounts-store";
import type { Deps } from "../../deps";
import type { Gate } from "../../shared/door";
import { DEFAULT_SHOW_MINUTES, doorWindowOf } from "../door-rules";
import { staffShowsOf } from "../door-store";

/**
 * The shows an usher may pick as their gate: at their theatres, whose doors are open or open within
 * `DOORS_OPEN_MINUTES` + 12 hours (one read). Customers and guests have none.
 */
export async function listGates(deps: Deps, input: { userId: string }): Promise<{ outcome: "GATES"; gates: Gate[] }> {
  if (!isAccountId(input.userId)) return { outcome: "GATES", gates: [] };
  const now = deps.clock.now().getTime();
  const minutes = deps.config.DOORS_OPEN_MINUTES;
  // A show still running started at most its length ago; assume the longest we default to.
  const from = new Date(now - 6 * DEFAULT_SHOW_MINUTES * 60_000);
  const to = new Date(now + (minutes + 12 * 60) * 60_000);
  const rows = await staffShowsOf(deps.db, input.userId, from, to);
  const gates = rows.flatMap((row) => {
    const window = doorWindowOf(row, minutes);
    if (row.status === "CANCELLED" || window.closesAt.getTime() < now) return [];
    return [
      {
        showId: row.showId,
        movieTitle: row.movieTitle,
        theatreName: row.theatreName,
        startTime: new Date(row.startTime).toISOString(),
        doorsOpenAt: window.opensAt.toISOString(),
        doorsCloseAt: window.closesAt.toISOString(),
      },
    ];
  });
  return { outcome: "GATES", gates };
}
