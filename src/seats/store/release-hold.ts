import { oneHoldKeys } from "../redis-contract";
import type { SeatScripts } from "./seat-scripts";

/**
 * release-hold.lua: the caller's HELD hold lets its seats go, in one round trip (the script reads
 * the hold and checks its owner: no read before it).
 */
export async function releaseHold(
  scripts: SeatScripts,
  release: { showId: string; holdId: string; userId: string; now: number },
): Promise<
  | { outcome: "RELEASED"; freed: number; seats: number; live: boolean }
  | { outcome: "HOLD_NOT_FOUND" }
  | { outcome: "HOLD_NOT_CHANGEABLE"; status: string }
> {
  const { showId, holdId, userId } = release;
  const reply = await scripts.run("release", oneHoldKeys({ showId, holdId, userId }), [
    userId,
    String(release.now),
    holdId,
  ]);
  switch (reply[0]) {
    case "RELEASED":
      return { outcome: reply[0], freed: reply[1], seats: reply[2], live: reply[3] === "LIVE" };
    case "HOLD_NOT_CHANGEABLE":
      return { outcome: reply[0], status: reply[1] };
    case "HOLD_NOT_FOUND":
      return { outcome: reply[0] };
  }
}
