import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { describeRoute, errorResponse } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { signInBudget } from "./rate-limits";
import { oidcCallbackQuery, oidcStartQuery } from "./schemas";
import { setSessionCookies } from "./session-auth";
import { deviceOf } from "./session-start";
import { type BeginOidcSignInOutcome, beginOidcSignIn } from "./use-cases/begin-oidc-sign-in";
import { type CompleteOidcSignInOutcome, completeOidcSignIn } from "./use-cases/complete-oidc-sign-in";

/** The sealed OpenID flow (state, nonce, PKCE verifier, returnTo) between start and callback. */
const FLOW_COOKIE = "__Host-hf_oidc";
const flowCookie = { httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;
const redirectDoc = (description: string) => ({
  description,
  headers: { Location: { schema: { type: "string" as const } } },
});
/** Both ends of the flow refuse the same way when the provider cannot be used at all. */
const signInUnavailable = refusals<
  Refused<BeginOidcSignInOutcome, "REDIRECT"> | Refused<CompleteOidcSignInOutcome, "SIGNED_IN" | "REFUSED">
>({
  NOT_CONFIGURED: ["SIGN_IN_UNAVAILABLE", "Sign-in with an identity provider is not configured"],
  PROVIDER_UNAVAILABLE: ["SIGN_IN_UNAVAILABLE", "The identity provider cannot be reached; try again shortly"],
});
/** Where a refused sign-in lands: the web UI's sign-in page, told why. */
const refusedAt = (reason: string) => `/sign-in?error=${encodeURIComponent(reason)}`;

export const oidcSignInRoutes = new Hono<AppEnv>()
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
      if (result.outcome !== "REDIRECT") throw signInUnavailable(result);
      setCookie(c, FLOW_COOKIE, result.flow, { ...flowCookie, maxAge: result.flowSeconds });
      c.header("Cache-Control", "no-store");
      return c.redirect(result.authorizationUrl, 302);
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
      if (result.outcome === "REFUSED") return c.redirect(refusedAt(result.reason), 302);
      if (result.outcome !== "SIGNED_IN") throw signInUnavailable(result);
      setSessionCookies(c, result.session);
      return c.redirect(result.returnTo, 302);
    },
  );
