import { authorizeStaff } from "../../accounts/use-cases/authorize-staff";
import type { Deps } from "../../deps";
import type { StaffAction } from "../../shared/staff-roles";
import { type DoorShow, type DoorWindow, doorWindowOf } from "../door-rules";
import { doorShowOf } from "../door-store";

export type GateAccess =
  | { outcome: "OPEN"; show: DoorShow; window: DoorWindow }
  /** No such show, or one at a theatre outside the caller's scope (authorizeStaff's 404). */
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "FORBIDDEN" };

/**
 * The gate of a show, for a member of staff: the show, then the one authorization helper on its
 * theatre (two reads). Every door use case starts here.
 */
export async function openGate(
  deps: Deps,
  input: { userId: string; showId: string; action: StaffAction },
): Promise<GateAccess> {
  const show = await doorShowOf(deps.db, input.showId);
  if (!show) return { outcome: "SHOW_NOT_FOUND" };
  const verdict = await authorizeStaff(deps, { userId: input.userId, theatreId: show.theatreId, action: input.action });
  if (verdict.outcome === "NOT_FOUND") return { outcome: "SHOW_NOT_FOUND" };
  if (verdict.outcome === "FORBIDDEN") return { outcome: "FORBIDDEN" };
  return { outcome: "OPEN", show, window: doorWindowOf(show, deps.config.DOORS_OPEN_MINUTES) };
}
