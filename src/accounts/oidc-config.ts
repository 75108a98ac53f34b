import type { Deps } from "../deps";
import type { OidcDeps } from "./oidc";

export const OIDC_CALLBACK_PATH = "/api/v1/auth/oidc/callback";

/** The relying party's settings, or undefined when OIDC sign-in is not configured (all four needed). */
export function oidcDepsOf(deps: Deps): OidcDeps | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, APP_ORIGIN, BACKEND_TIMEOUT_MS } = deps.config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !APP_ORIGIN) return undefined;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUri: new URL(OIDC_CALLBACK_PATH, APP_ORIGIN).toString(),
    now: () => deps.clock.now().getTime(),
    timeoutMs: BACKEND_TIMEOUT_MS,
  };
}
