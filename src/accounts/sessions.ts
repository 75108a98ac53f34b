import { base64url, jwtVerify, SignJWT } from "jose";
import type { Config } from "../env";
import { keyedHash, keyOf, randomSecret } from "./secrets";

/**
 * Sessions (README: Sessions). Two HttpOnly cookies: a long-lived random session secret, of which the
 * `sessions` row keeps only an HMAC, and a short signed access cookie naming the session. A request
 * with a valid access cookie costs no round trip; an expired one is renewed from the session row (one
 * database round trip), which is where a revoked session stops. SESSION_ACCESS_SECONDS bounds that lag.
 */
export const SESSION_COOKIE = "__Host-hf_session";
export const ACCESS_COOKIE = "__Host-hf_access";
/** The browser sends this header with cookie-authenticated writes; GET /auth/session tells it the value. */
export const CSRF_HEADER = "x-csrf-token";

const ISSUER = "housefull";
const AUDIENCE = "housefull-session";

export interface SessionRef {
  userId: string;
  sessionId: string;
}

export const newSessionSecret = randomSecret;
export const sessionSecretHash = (config: Config, secret: string) => keyedHash(config, "session-hash", secret);

/** A signed access cookie value for one session, valid SESSION_ACCESS_SECONDS from `now`. */
export async function issueAccessToken(config: Config, ref: SessionRef, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ sid: ref.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(ref.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config.SESSION_ACCESS_SECONDS)
    .sign(await keyOf(config, "access-token"));
}

/** The session an access cookie names, if it is genuine and not yet expired (no clock tolerance). */
export async function verifyAccessToken(config: Config, token: string, now: Date): Promise<SessionRef | undefined> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(config, "access-token"), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["sub", "sid", "exp"],
      currentDate: now,
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") return undefined;
    return { userId: payload.sub, sessionId: payload.sid };
  } catch {
    return undefined;
  }
}

/** The session's CSRF token: an HMAC of its id, so checking it needs no lookup and it dies with the session. */
export async function csrfTokenOf(config: Config, sessionId: string): Promise<string> {
  const hex = await keyedHash(config, "csrf", sessionId);
  return base64url.encode(Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16)));
}

/** Constant-time equality of two strings (CSRF tokens). */
export function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
