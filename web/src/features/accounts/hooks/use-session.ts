import { useEffect, useSyncExternalStore } from "react";
import { whoAmI } from "../../../api/identity";
import { type Session, sessionSnapshot, subscribeSession } from "../../../api/session";

export type SignedIn = Extract<Session, { signedIn: true }>;

/**
 * Who is signed in on this browser: `null` while the API has not said yet, then the session (kept
 * current by sign-in, sign-out and a revoked session). The first component to ask starts the one
 * `GET /auth/session` of this page load.
 */
export function useSession(): Session | null {
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot);
  useEffect(() => {
    void whoAmI();
  }, []);
  return session;
}

/** The signed-in person, or `null` (a guest, or not known yet). */
export function useSignedIn(): SignedIn | null {
  const session = useSession();
  return session?.signedIn ? session : null;
}
