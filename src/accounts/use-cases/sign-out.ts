import type { Deps } from "../../deps";
import { revokeSession, revokeSessionsOf } from "../accounts-store";

export type SignOutOutcome = { outcome: "SIGNED_OUT"; revoked: number };

/** Ends this device's session server-side (its cookies are cleared by the route). */
export async function signOut(deps: Deps, input: { sessionId: string }): Promise<SignOutOutcome> {
  return { outcome: "SIGNED_OUT", revoked: await revokeSession(deps.db, input.sessionId, deps.clock.now()) };
}

/**
 * Ends every session of the person. Other devices stop at their next session check, at most
 * SESSION_ACCESS_SECONDS later (their access cookie is signed, not looked up).
 */
export async function signOutEverywhere(deps: Deps, input: { userId: string }): Promise<SignOutOutcome> {
  return { outcome: "SIGNED_OUT", revoked: await revokeSessionsOf(deps.db, input.userId, deps.clock.now()) };
}
