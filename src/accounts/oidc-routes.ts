import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import type { ErrorCode } from "../http/errors";
import { describeRoute, errorResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { signInRetryAfterSeconds, spendClientSignIn } from "./rate-limits";
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
/** Where a refused sign-in lands: the web UI's sign-in page, told why (and, if known, where to go after). */
const refusedAt = (reason: string, returnTo?: string) =>
  `/sign-in?error=${encodeURIComponent(reason)}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ""}`;
/**
 * The start is a full-page visit (a link), so a refusal there is a page too: the sign-in page, told
 * the registry's code, never a JSON body the browser would print.
 */
const startRefusedAt = (code: Extract<ErrorCode, "RATE_LIMITED" | "SIGN_IN_UNAVAILABLE">, returnTo?: string) =>
  refusedAt(code, returnTo);

export const oidcSignInRoutes = new Hono<AppEnv>()
  .get(
    "/auth/oidc/start",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Sign in with Google (OpenID Connect): redirects to the provider",
          responses: {
            302: redirectDoc(
              "To the provider's sign-in page (a short HttpOnly cookie holds the flow); refused: to " +
                "/sign-in?error=RATE_LIMITED (too many sign-ins from this client) or " +
                "/sign-in?error=SIGN_IN_UNAVAILABLE (not configured, or the provider is unreachable)",
            ),
            400: errorResponse("`returnTo` is not a path on this site"),
            503: errorResponse("A backing service failed before any redirect (the provider's own outage redirects)"),
          },
        })
      : undocumented,
    validate("query", oidcStartQuery),
    async (c) => {
      const { returnTo } = c.req.valid("query");
      c.header("Cache-Control", "no-store");
      if (!(await spendClientSignIn(c))) {
        c.header("Retry-After", String(signInRetryAfterSeconds()));
        return c.redirect(startRefusedAt("RATE_LIMITED", returnTo), 302);
      }
      const result = await beginOidcSignIn(depsOf(c), { returnTo });
      if (result.outcome !== "REDIRECT") return c.redirect(startRefusedAt("SIGN_IN_UNAVAILABLE", returnTo), 302);
      setCookie(c, FLOW_COOKIE, result.flow, { ...flowCookie, maxAge: result.flowSeconds });
      return c.redirect(result.authorizationUrl, 302);
    },
  )
  .get(
    "/auth/oidc/callback",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Where the provider sends the browser back: signs in and redirects to `returnTo`",
          responses: {
            302: redirectDoc("Signed in: to `returnTo` with the session cookies; refused: to /sign-in?error=REASON"),
            400: errorResponse("A query parameter is too long"),
            503: errorResponse("`SIGN_IN_UNAVAILABLE`: not configured, or the provider is unreachable"),
          },
        })
      : undocumented,
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
