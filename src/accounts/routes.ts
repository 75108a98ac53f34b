import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { errorResponse, errorResponses, jsonResponse } from "../http/openapi-doc";
import { clientAddress } from "../http/rate-limit";
import { validate } from "../http/validate";
import { spendSignInBudget } from "./rate-limits";
import {
  codeSentSchema,
  emailStartBody,
  emailVerifyBody,
  oidcCallbackQuery,
  oidcStartQuery,
  sessionSchema,
} from "./schemas";
import { keyedHash } from "./secrets";
import { setSessionCookies } from "./session-auth";
import { deviceOf } from "./session-start";
import { unreachable } from "./unreachable";
import { beginOidcSignIn } from "./use-cases/begin-oidc-sign-in";
import { completeOidcSignIn } from "./use-cases/complete-oidc-sign-in";
import { startEmailSignIn } from "./use-cases/start-email-sign-in";
import { verifyEmailCode } from "./use-cases/verify-email-code";

/** The sealed OpenID flow (state, nonce, PKCE verifier, returnTo) between start and callback. */
const FLOW_COOKIE = "__Host-hf_oidc";
const flowCookie = { httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;
const noStore = { "Cache-Control": "no-store" };
const redirectDoc = (description: string) => ({
  description,
  headers: { Location: { schema: { type: "string" as const } } },
});
/** Where a refused sign-in lands: the web UI's sign-in page, told why. */
const refusedAt = (reason: string) => `/sign-in?error=${encodeURIComponent(reason)}`;

const signInBudget = (c: { env: Env; req: { header(name: string): string | undefined } }) =>
  spendSignInBudget(c.env, "SIGN_IN_CLIENT_RATE_LIMITER", `client:${clientAddress(c)}`);

/** Every accounts route reads or writes Postgres. */
const backendDown = errorResponses("SERVICE_UNAVAILABLE");

export const signInRoutes = new Hono<AppEnv>()
  .get(
    "/auth/oidc/start",
    describeRoute({
      tags: ["Accounts"],
      summary: "Sign in with Google (OpenID Connect): redirects to the provider",
      responses: {
        302: redirectDoc("To the provider's sign-in page; a short HttpOnly cookie holds the flow"),
        400: errorResponse("`returnTo` is not a path on this site"),
        429: errorResponse("Too many sign-ins from this client"),
        503: errorResponse("`SIGN_IN_UNAVAILABLE`: not configured, or the provider is unreachable"),
      },
    }),
    validate("query", oidcStartQuery),
    async (c) => {
      await signInBudget(c);
      const result = await beginOidcSignIn(depsOf(c), { returnTo: c.req.valid("query").returnTo });
      switch (result.outcome) {
        case "REDIRECT":
          setCookie(c, FLOW_COOKIE, result.flow, { ...flowCookie, maxAge: result.flowSeconds });
          c.header("Cache-Control", "no-store");
          return c.redirect(result.authorizationUrl, 302);
        case "NOT_CONFIGURED":
          throw new ApiError("SIGN_IN_UNAVAILABLE", "Sign-in with an identity provider is not configured");
        case "PROVIDER_UNAVAILABLE":
          throw new ApiError("SIGN_IN_UNAVAILABLE", "The identity provider cannot be reached; try again shortly");
        default:
          return unreachable(result);
      }
    },
  )
  .get(
    "/auth/oidc/callback",
    describeRoute({
      tags: ["Accounts"],
      summary: "Where the provider sends the browser back: signs in and redirects to `returnTo`",
      responses: {
        302: redirectDoc("Signed in: to `returnTo` with the session cookies; refused: to /sign-in?error=REASON"),
        400: errorResponse("A query parameter is too long"),
        503: errorResponse("`SIGN_IN_UNAVAILABLE`: not configured, or the provider is unreachable"),
      },
    }),
    validate("query", oidcCallbackQuery),
    async (c) => {
      const query = c.req.valid("query");
      const flow = getCookie(c, FLOW_COOKIE);
      // One flow, one callback: whatever happens next, this browser's flow is spent.
      deleteCookie(c, FLOW_COOKIE, flowCookie);
      c.header("Cache-Control", "no-store");
      const device = deviceOf(c.req.header("user-agent"));
      const result = await completeOidcSignIn(depsOf(c), { flow, ...query, device });
      switch (result.outcome) {
        case "SIGNED_IN":
          setSessionCookies(c, result.session);
          return c.redirect(result.returnTo, 302);
        case "REFUSED":
          return c.redirect(refusedAt(result.reason), 302);
        case "NOT_CONFIGURED":
          throw new ApiError("SIGN_IN_UNAVAILABLE", "Sign-in with an identity provider is not configured");
        case "PROVIDER_UNAVAILABLE":
          throw new ApiError("SIGN_IN_UNAVAILABLE", "The identity provider cannot be reached; try again shortly");
        default:
          return unreachable(result);
      }
    },
  )
  .post(
    "/auth/email/start",
    describeRoute({
      tags: ["Accounts"],
      summary: "Email me a sign-in code (6 digits, 10 minutes, 5 tries); the same answer for any address",
      responses: {
        202: jsonResponse("A code is on its way", codeSentSchema),
        400: errorResponse("Not an email address"),
        429: errorResponse("Too many codes for this address or from this client"),
        503: errorResponse("The database or the email queue is unavailable"),
      },
    }),
    validate("json", emailStartBody),
    async (c) => {
      const { email } = c.req.valid("json");
      await signInBudget(c);
      const addressKey = await keyedHash(c.var.config, "rate-limit-key", email);
      await spendSignInBudget(c.env, "EMAIL_CODE_ADDRESS_RATE_LIMITER", `address:${addressKey}`);
      const result = await startEmailSignIn(depsOf(c), { email });
      return c.json({ status: result.outcome, expiresInSeconds: result.expiresInSeconds }, 202, noStore);
    },
  )
  .post(
    "/auth/email/verify",
    describeRoute({
      tags: ["Accounts"],
      summary: "Sign in with the emailed code: sets the session cookies",
      responses: {
        ...backendDown,
        200: jsonResponse("Signed in (the body is GET /auth/session's)", sessionSchema),
        400: errorResponse("`EMAIL_CODE_INVALID`: wrong, used, expired or out of tries; or a malformed body"),
        429: errorResponse("Too many tries from this client"),
      },
    }),
    validate("json", emailVerifyBody),
    async (c) => {
      await signInBudget(c);
      const { email, code } = c.req.valid("json");
      const result = await verifyEmailCode(depsOf(c), { email, code, device: deviceOf(c.req.header("user-agent")) });
      switch (result.outcome) {
        case "SIGNED_IN": {
          setSessionCookies(c, result.session);
          const { userId, csrfToken } = result.session;
          return c.json({ signedIn: true as const, userId, email, name: null, csrfToken }, 200, noStore);
        }
        case "CODE_INVALID":
          throw new ApiError("EMAIL_CODE_INVALID", "That code is wrong or no longer valid; ask for a new one");
        default:
          return unreachable(result);
      }
    },
  );
