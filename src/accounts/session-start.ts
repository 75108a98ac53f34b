import type { Deps } from "../deps";
import { insertSession } from "./accounts-store";
import { csrfTokenOf, issueAccessToken, newSessionSecret, sessionSecretHash } from "./sessions";

/** What a route turns into cookies (the secret and the access token) and a body (the CSRF token). */
export interface NewSession {
  userId: string;
  sessionId: string;
  secret: string;
  accessToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A device's name as its User-Agent gives it: printable, at most 120 characters. */
export const deviceOf = (userAgent: string | undefined) =>
  userAgent
    ?.replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, 120) || null;

/** Starts a session for a person who has just proven who they are: one insert. */
export async function startSession(
  deps: Deps,
  input: { userId: string; method: "oidc" | "email"; device: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const secret = newSessionSecret();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_DAYS * 86_400_000);
  const sessionId = await insertSession(deps.db, {
    userId: input.userId,
    secretHash: await sessionSecretHash(deps.config, secret),
    device: input.device,
    method: input.method,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  const ref = { userId: input.userId, sessionId };
  return {
    ...ref,
    secret,
    accessToken: await issueAccessToken(deps.config, ref, now),
    csrfToken: await csrfTokenOf(deps.config, sessionId),
    expiresAt,
  };
}
