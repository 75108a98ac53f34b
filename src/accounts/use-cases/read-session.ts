import type { Deps } from "../../deps";
import { userById } from "../accounts-store";
import { csrfTokenOf, type SessionRef } from "../sessions";

export type ReadSessionOutcome =
  | { outcome: "SIGNED_IN"; userId: string; email: string; name: string | null; csrfToken: string }
  | { outcome: "SIGNED_OUT" };

/** Who is signed in on this device, and the CSRF token its writes must carry. */
export async function readSession(deps: Deps, input: { session: SessionRef | undefined }): Promise<ReadSessionOutcome> {
  if (!input.session) return { outcome: "SIGNED_OUT" };
  const user = await userById(deps.db, input.session.userId);
  if (!user) return { outcome: "SIGNED_OUT" };
  const csrfToken = await csrfTokenOf(deps.config, input.session.sessionId);
  return { outcome: "SIGNED_IN", userId: user.id, email: user.email, name: user.name, csrfToken };
}
