// The relying-party core inside workerd, as the worker will run it: discovery, JWKS and the token
// endpoint of the local provider (started by global-setup) reached over http://127.0.0.1, PKCE
// through workerd's WebCrypto, and the whole sign-in driven like a browser.
import { describe, expect, inject, it } from "vitest";
import { beginSignIn, completeSignIn, type OidcDeps } from "../../src/accounts/oidc";
import { Browser, signInAtProvider } from "../dev/oidc-browser";

const deps: OidcDeps = {
  issuer: inject("oidcIssuer"),
  clientId: inject("oidcClientId"),
  clientSecret: inject("oidcClientSecret"),
  redirectUri: inject("oidcRedirectUri"),
};

async function signIn(email: string) {
  const start = await beginSignIn(deps);
  if (!start.ok) throw new Error(start.detail);
  const { callback } = await signInAtProvider(new Browser(), start.authorizationUrl, deps.redirectUri, { email });
  return {
    code: callback.searchParams.get("code") ?? undefined,
    returnedState: callback.searchParams.get("state") ?? undefined,
    expected: { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier },
  };
}

describe("OIDC sign-in from inside workerd", () => {
  it("completes a sign-in at the local provider with a verified identity", async () => {
    const outcome = await completeSignIn(deps, await signIn("workerd@example.com"));
    expect(outcome).toMatchObject({
      ok: true,
      identity: { provider: "oidc", issuer: deps.issuer, email: "workerd@example.com", emailVerified: true },
    });
  });

  it("refuses the same code twice and a wrong nonce", async () => {
    const flow = await signIn("workerd-replay@example.com");
    const wrongNonce = await completeSignIn(deps, { ...flow, expected: { ...flow.expected, nonce: "other" } });
    expect(wrongNonce).toMatchObject({ ok: false, reason: "NONCE_MISMATCH" });
    // The code was redeemed by the attempt above: a second exchange is a replay.
    expect(await completeSignIn(deps, flow)).toMatchObject({ ok: false, reason: "TOKEN_EXCHANGE_FAILED" });
  });
});
