import type { Deps } from "../../deps";
import { linkIdentity, newUserOfEmail, type UserRow, userOfIdentity, userOfVerifiedEmail } from "../accounts-store";
import { completeSignIn, type OidcFailureReason, type OidcIdentity } from "../oidc";
import { oidcDepsOf } from "../oidc-config";
import { unseal } from "../secrets";
import { type NewSession, startSession } from "../session-start";

export type SignInRefusal =
  | Exclude<OidcFailureReason, "DISCOVERY_FAILED" | "JWKS_UNAVAILABLE">
  | "NO_SIGN_IN_FLOW"
  | "PROVIDER_REFUSED"
  | "EMAIL_NOT_VERIFIED";

export type CompleteOidcSignInOutcome =
  | { outcome: "SIGNED_IN"; session: NewSession; returnTo: string }
  | { outcome: "REFUSED"; reason: SignInRefusal; detail: string }
  | { outcome: "PROVIDER_UNAVAILABLE"; detail: string }
  | { outcome: "NOT_CONFIGURED" };

export interface OidcCallbackInput {
  /** The sealed flow cookie set by beginOidcSignIn (absent: another browser, or too late). */
  flow: string | undefined;
  code?: string;
  state?: string;
  /** The provider's `error` parameter (e.g. access_denied when the person cancelled). */
  error?: string;
  device: string | null;
}

/**
 * The provider sent the browser back: check the flow, redeem the code, verify the ID token (oidc.ts),
 * then find the person by (issuer, subject), else by verified email (linking the identity), else a
 * new account; and start a session. A refusal changes nothing.
 */
export async function completeOidcSignIn(deps: Deps, input: OidcCallbackInput): Promise<CompleteOidcSignInOutcome> {
  const oidc = oidcDepsOf(deps);
  if (!oidc) return { outcome: "NOT_CONFIGURED" };
  const flow = input.flow ? await unseal(deps.config, input.flow, deps.clock.now()) : undefined;
  const expected = flowOf(flow);
  if (!expected) return refused("NO_SIGN_IN_FLOW", "no sign-in flow cookie, or it expired or was altered");
  if (input.error) return refused("PROVIDER_REFUSED", "the provider answered with an error");

  const result = await completeSignIn(oidc, { code: input.code, returnedState: input.state, expected });
  if (!result.ok) {
    if (result.reason === "DISCOVERY_FAILED" || result.reason === "JWKS_UNAVAILABLE")
      return { outcome: "PROVIDER_UNAVAILABLE", detail: result.detail };
    return refused(result.reason, result.detail);
  }
  const user = await accountOfIdentity(deps, result.identity);
  if (!user) return refused("EMAIL_NOT_VERIFIED", "the address has an account and the provider did not verify it");
  const session = await startSession(deps, { userId: user.id, method: "oidc", device: input.device });
  return { outcome: "SIGNED_IN", session, returnTo: expected.returnTo };
}

const refused = (reason: SignInRefusal, detail: string) => ({ outcome: "REFUSED", reason, detail }) as const;

function flowOf(flow: Record<string, unknown> | undefined) {
  if (!flow) return undefined;
  const { state, nonce, codeVerifier, returnTo } = flow;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof codeVerifier !== "string") return undefined;
  return { state, nonce, codeVerifier, returnTo: typeof returnTo === "string" ? returnTo : "/" };
}

async function accountOfIdentity(deps: Deps, identity: OidcIdentity): Promise<UserRow | undefined> {
  const known = await userOfIdentity(deps.db, identity.issuer, identity.subject);
  if (known) return known;
  const email = identity.email.trim().toLowerCase();
  const name = identity.name?.slice(0, 100) ?? null;
  // An unverified address may start a new account but never take over an existing one.
  const user = identity.emailVerified
    ? await userOfVerifiedEmail(deps.db, email, name)
    : await newUserOfEmail(deps.db, email, name);
  if (!user) return undefined;
  await linkIdentity(deps.db, { provider: identity.issuer, subject: identity.subject, userId: user.id });
  return user;
}
