import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { touchSession } from "./accounts-store";
import type { NewSession } from "./session-start";
import {
  ACCESS_COOKIE,
  CSRF_HEADER,
  csrfTokenOf,
  issueAccessToken,
  SESSION_COOKIE,
  type SessionRef,
  sameToken,
  sessionSecretHash,
  verifyAccessToken,
} from "./sessions";

/**
 * The session part of the identity middleware (src/auth/identity.ts): who a cookie-carrying request
 * is. A valid access cookie answers with no round trip; else the session cookie is checked against
 * its row (one database round trip) and a fresh access cookie rides on the response. A write made
 * with cookies must also pass the CSRF defence.
 */
export async function sessionCallerOf<E extends AppEnv>(c: Context<E>): Promise<SessionRef | undefined> {
  const ref = await sessionRefOf(c);
  if (ref && !SAFE_METHODS.has(c.req.method)) await refuseCrossSiteWrite(c, ref);
  return ref;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Cookie attributes every session cookie shares: `__Host-` needs Secure, Path=/ and no Domain. */
const base = { httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;

async function sessionRefOf<E extends AppEnv>(c: Context<E>): Promise<SessionRef | undefined> {
  const config = c.var.config;
  const now = new Date();
  const access = getCookie(c, ACCESS_COOKIE);
  if (access) {
    const ref = await verifyAccessToken(config, access, now);
    if (ref) return ref;
  }
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret) return undefined;
  const session = await touchSession(depsOf(c).db, await sessionSecretHash(config, secret), now);
  if (!session) {
    // Revoked, expired or never ours: the browser should stop sending it.
    clearSessionCookies(c);
    return undefined;
  }
  setCookie(c, ACCESS_COOKIE, await issueAccessToken(config, session, now), {
    ...base,
    maxAge: config.SESSION_ACCESS_SECONDS,
  });
  return session;
}

/**
 * CSRF defence for cookie-authenticated writes: the request must come from an allowed origin (Origin
 * header, or Sec-Fetch-Site same-origin when a browser sent no Origin) and carry the session's CSRF
 * token in a header, which another site can neither read nor set.
 */
async function refuseCrossSiteWrite<E extends AppEnv>(c: Context<E>, ref: SessionRef): Promise<void> {
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  const allowed = allowedOrigins(c.var.config);
  if (origin !== undefined ? !allowed.includes(origin) : site !== undefined && site !== "same-origin")
    throw new ApiError("CSRF_REFUSED", "This request did not come from the housefull web app");
  if (!sameToken(c.req.header(CSRF_HEADER), await csrfTokenOf(c.var.config, ref.sessionId)))
    throw new ApiError(
      "CSRF_REFUSED",
      `A signed-in write needs the ${CSRF_HEADER} header from GET /api/v1/auth/session`,
    );
}

export function allowedOrigins(config: AppEnv["Variables"]["config"]): string[] {
  return config.APP_ORIGIN ? [...config.CORS_ORIGINS, new URL(config.APP_ORIGIN).origin] : config.CORS_ORIGINS;
}

/** The two cookies of a new session: the long-lived secret and a first access cookie. */
export function setSessionCookies<E extends AppEnv>(c: Context<E>, session: NewSession): void {
  setCookie(c, SESSION_COOKIE, session.secret, {
    ...base,
    maxAge: Math.floor((session.expiresAt.getTime() - Date.now()) / 1000),
  });
  setCookie(c, ACCESS_COOKIE, session.accessToken, { ...base, maxAge: c.var.config.SESSION_ACCESS_SECONDS });
}

export function clearSessionCookies<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, SESSION_COOKIE, base);
  deleteCookie(c, ACCESS_COOKIE, base);
}
