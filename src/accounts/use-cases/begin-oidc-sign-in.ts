import type { Deps } from "../../deps";
import { beginSignIn } from "../oidc";
import { oidcDepsOf } from "../oidc-config";
import { seal } from "../secrets";

/** How long a started sign-in may take at the provider before its flow cookie lapses. */
export const OIDC_FLOW_SECONDS = 10 * 60;

export type BeginOidcSignInOutcome =
  | { outcome: "REDIRECT"; authorizationUrl: string; flow: string; flowSeconds: number }
  | { outcome: "NOT_CONFIGURED" }
  | { outcome: "PROVIDER_UNAVAILABLE" };

/**
 * Starts a sign-in at the OpenID provider. The state, nonce and PKCE verifier (and where to return)
 * travel in `flow`, sealed, which the route sets as a short HttpOnly cookie: it binds the callback
 * to the browser that started it (what `state` is for) and needs no row or key to clean up.
 */
export async function beginOidcSignIn(deps: Deps, input: { returnTo: string }): Promise<BeginOidcSignInOutcome> {
  const oidc = oidcDepsOf(deps);
  if (!oidc) return { outcome: "NOT_CONFIGURED" };
  const start = await beginSignIn(oidc);
  if (!start.ok) return { outcome: "PROVIDER_UNAVAILABLE" };
  const { state, nonce, codeVerifier } = start;
  const expiresAt = new Date(deps.clock.now().getTime() + OIDC_FLOW_SECONDS * 1000);
  const flow = await seal(deps.config, { state, nonce, codeVerifier, returnTo: input.returnTo }, expiresAt);
  return { outcome: "REDIRECT", authorizationUrl: start.authorizationUrl, flow, flowSeconds: OIDC_FLOW_SECONDS };
}
