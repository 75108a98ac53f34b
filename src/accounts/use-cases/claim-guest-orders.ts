import { callerOf } from "../../auth/identity";
import type { Deps } from "../../deps";
import { ApiError } from "../../http/errors";
import { queueStoreOf } from "../../onsale/queue-store";
import { moveGuestPlaces } from "../../onsale/use-cases/join-queue";
import { moveGuestHolds } from "../../seats/use-cases/move-guest-holds";
import { claimGuestWithOrders, isAccountId } from "../accounts-store";

export type ClaimGuestOrdersOutcome =
  | { outcome: "CLAIMED"; movedOrders: number; movedHolds: number }
  | { outcome: "NOT_A_GUEST_TOKEN" }
  /** Another account signed in with this guest token first: its bookings went there. */
  | { outcome: "CLAIMED_BY_ANOTHER_ACCOUNT" }
  | { outcome: "NOT_AN_ACCOUNT" };

/**
 * A guest who signed in brings their bookings along: the orders of the guest token's subject move
 * to the account in one statement, so they move atomically and once (a repeat moves nothing); then
 * the live holds the browser names move, each atomically and once (moveGuestHolds), so a guest who
 * signs in mid-checkout places the order as the account. Orders first: a pending order's hold must
 * not name the account while its order still names the guest (settling matches the two), and if
 * Redis fails after the orders moved, the browser's retry moves no order twice and the holds then.
 * The guest goes to one account only (the first to claim it), so two accounts signing in on one
 * browser at once never split a guest's orders from its holds.
 */
export async function claimGuestOrders(
  deps: Deps,
  input: { userId: string; guestToken: string; holdIds?: string[]; onsaleEventIds?: string[] },
): Promise<ClaimGuestOrdersOutcome> {
  if (!isAccountId(input.userId)) return { outcome: "NOT_AN_ACCOUNT" };
  const guestId = await guestIdOf(deps, input.guestToken);
  if (!guestId) return { outcome: "NOT_A_GUEST_TOKEN" };
  const { claimedBy, movedOrders } = await claimGuestWithOrders(deps.db, guestId, input.userId);
  if (claimedBy !== input.userId) return { outcome: "CLAIMED_BY_ANOTHER_ACCOUNT" };
  const [holds] = await Promise.all([
    moveGuestHolds(deps, { guestId, userId: input.userId, holdIds: input.holdIds ?? [] }),
    moveGuestPlaces(
      { ...deps, waitingRoom: queueStoreOf(deps.config) },
      { guestId, userId: input.userId, eventIds: input.onsaleEventIds ?? [] },
    ),
  ]);
  return { outcome: "CLAIMED", movedOrders, movedHolds: holds.moved };
}

/** The subject of a genuine, unexpired guest token issued by this API; anything else is not a guest. */
async function guestIdOf(deps: Deps, token: string): Promise<string | undefined> {
  try {
    const subject = await callerOf({ authorization: `Bearer ${token}` }, deps.config);
    return subject?.startsWith("guest_") ? subject : undefined;
  } catch (error) {
    if (error instanceof ApiError) return undefined;
    throw error;
  }
}
