import { callerOf } from "../../auth/identity";
import type { Deps } from "../../deps";
import { ApiError } from "../../http/errors";
import { isAccountId, moveGuestOrders } from "../accounts-store";

export type ClaimGuestOrdersOutcome =
  | { outcome: "CLAIMED"; movedOrders: number }
  | { outcome: "NOT_A_GUEST_TOKEN" }
  | { outcome: "NOT_AN_ACCOUNT" };

/**
 * A guest who signed in brings their bookings along: the orders of the guest token's subject move
 * to the account in one statement, so they move atomically and once (a repeat moves nothing).
 * Holds stay with the guest id for now (moving live Redis holds needs a seats-side script).
 */
export async function claimGuestOrders(
  deps: Deps,
  input: { userId: string; guestToken: string },
): Promise<ClaimGuestOrdersOutcome> {
  if (!isAccountId(input.userId)) return { outcome: "NOT_AN_ACCOUNT" };
  const guestId = await guestIdOf(deps, input.guestToken);
  if (!guestId) return { outcome: "NOT_A_GUEST_TOKEN" };
  return { outcome: "CLAIMED", movedOrders: await moveGuestOrders(deps.db, guestId, input.userId) };
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
