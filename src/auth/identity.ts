import type { Context, MiddlewareHandler } from "hono";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { sessionCallerOf } from "../accounts/session-auth";
import type { AppEnv } from "../app-env";
import type { Config } from "../env";
import { ApiError } from "../http/errors";
import { documented, errorResponses } from "../http/openapi-doc";

/** Tokens this API issues and accepts (HS256 with AUTH_JWT_SECRET). */
const ISSUER = "housefull";
const AUDIENCE = "housefull-api";
export const GUEST_TOKEN_TTL_SECONDS = 24 * 3600;

/** A user id: what may stand in `sub` or `x-user-id` (also part of Redis keys and lock values). */
const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

const keys = new WeakMap<Config, Uint8Array>();
const secretOf = (config: Config) => {
  let key = keys.get(config);
  if (!key) {
    key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
    keys.set(config, key);
  }
  return key;
};

export const unauthenticated = (message: string) =>
  new ApiError("UNAUTHENTICATED", message, undefined, { "WWW-Authenticate": 'Bearer realm="housefull"' });

/**
 * Who is calling (docs/API.md: Identity): a signed JWT in `Authorization: Bearer`, whose `sub` is the user
 * id; in local development only (AUTH_MODE=dev) also the `x-user-id` header. A token that is
 * present but not valid is refused outright rather than ignored.
 */
export async function callerOf(headers: { authorization?: string; userIdHeader?: string }, config: Config) {
  const { authorization, userIdHeader } = headers;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw unauthenticated("Authorization must be 'Bearer <token>'");
    try {
      const { payload } = await jwtVerify(match[1], secretOf(config), {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ["sub", "exp"],
      });
      if (typeof payload.sub !== "string" || !USER_ID.test(payload.sub))
        throw unauthenticated("Token has no valid subject");
      return payload.sub;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("Token expired");
      throw unauthenticated("Invalid token");
    }
  }
  if (userIdHeader !== undefined) {
    if (config.AUTH_MODE !== "dev") throw unauthenticated("x-user-id is accepted only in local development");
    if (!USER_ID.test(userIdHeader)) throw unauthenticated("x-user-id is not a valid user id");
    return userIdHeader;
  }
  return undefined;
}

type UserEnv = AppEnv & { Variables: { userId: string } };
type MaybeUserEnv = AppEnv & { Variables: { userId: string | undefined } };

const headersOf = (c: { req: { header(name: string): string | undefined } }) => ({
  authorization: c.req.header("authorization"),
  userIdHeader: c.req.header("x-user-id"),
});

/**
 * The caller of a request: Bearer (API clients, guests) or x-user-id (dev) first; with neither, the
 * signed-in session's cookies (src/accounts/session-auth.ts, which also guards cookie writes
 * against CSRF).
 */
async function requestCallerOf<E extends AppEnv>(c: Context<E>): Promise<string | undefined> {
  return (await callerOf(headersOf(c), c.var.config)) ?? (await sessionCallerOf(c))?.userId;
}

/** The route needs a caller: 401 without one. */
export const requireUser = documented<MiddlewareHandler<UserEnv>>(async (c, next) => {
  const userId = await requestCallerOf(c);
  if (!userId) throw unauthenticated("Sign in or get a guest token (POST /api/v1/auth/guest) first");
  c.set("userId", userId);
  await next();
}, errorResponses("UNAUTHENTICATED"));

/**
 * The route works for anyone but says more to a known caller (e.g. "mine" on the seat map); a
 * token that is sent but not valid is still a 401.
 */
export const optionalUser = documented<MiddlewareHandler<MaybeUserEnv>>(async (c, next) => {
  c.set("userId", await requestCallerOf(c));
  await next();
}, errorResponses("UNAUTHENTICATED"));

/** A short-lived token for a visitor who has not signed in: enough to hold seats and pay. */
export async function issueGuestToken(config: Config, now = new Date()) {
  const userId = `guest_${crypto.randomUUID()}`;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + GUEST_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ role: "guest" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secretOf(config));
  return { token, userId, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
