// ID tokens a certified provider never issues, served by an issuer the test controls (real HTTP:
// discovery, JWKS, token endpoint): each one is refused by src/accounts/oidc.ts with its reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beginSignIn, completeSignIn, type OidcDeps } from "../../src/accounts/oidc";
import { type ControlledIssuer, startControlledIssuer } from "./controlled-issuer";

const CLIENT_ID = "housefull-test";
const CLIENT_SECRET = "controlled-client-secret-0123456789";
const REDIRECT_URI = "http://127.0.0.1:8787/api/v1/auth/oidc/callback";
const CODE = "authorization-code-from-the-callback";

let issuer: ControlledIssuer;
let deps: OidcDeps;

beforeAll(async () => {
  issuer = await startControlledIssuer(CLIENT_ID);
  deps = { issuer: issuer.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI };
});
afterAll(() => issuer.close());

/** A started sign-in whose callback brings back `CODE`, and the ID token the issuer then returns. */
async function completeWith(idToken: (nonce: string) => Promise<string>) {
  const start = await beginSignIn(deps);
  if (!start.ok) throw new Error(start.detail);
  issuer.nextIdToken = await idToken(start.nonce);
  const outcome = await completeSignIn(deps, {
    code: CODE,
    returnedState: start.state,
    expected: { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier },
  });
  const said = JSON.stringify(outcome);
  for (const secret of [CLIENT_SECRET, CODE, issuer.nextIdToken, start.codeVerifier])
    expect(said).not.toContain(secret);
  return outcome;
}

const person = { sub: "110169484474386276334", email: "person@example.com", email_verified: true, name: "A Person" };

describe("ID tokens the relying party refuses", () => {
  it("accepts a well-formed token (the baseline the refusals differ from), over client_secret_post", async () => {
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce }));
    expect(outcome).toEqual({
      ok: true,
      identity: {
        provider: "oidc",
        issuer: issuer.issuer,
        subject: person.sub,
        email: person.email,
        emailVerified: true,
        name: person.name,
      },
    });
  });

  it("refuses a token issued for another audience", async () => {
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce, aud: "someone-elses-app" }));
    expect(outcome).toMatchObject({ ok: false, reason: "BAD_ID_TOKEN", detail: expect.stringContaining("aud") });
  });

  it("refuses a token with several audiences whose azp is not this client", async () => {
    const aud = ["someone-elses-app", CLIENT_ID];
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce, aud, azp: "someone-elses-app" }));
    expect(outcome).toMatchObject({ ok: false, reason: "BAD_ID_TOKEN", detail: "azp is not this client" });
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3 * 3600;
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce, iat: past, exp: past + 3600 }));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "BAD_ID_TOKEN",
      detail: expect.stringContaining("ERR_JWT_EXPIRED"),
    });
  });

  it("refuses a token issued long ago even if it has not expired yet", async () => {
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce, iat, exp: iat + 24 * 3600 }));
    expect(outcome).toMatchObject({ ok: false, reason: "BAD_ID_TOKEN", detail: expect.stringContaining("iat") });
  });

  it("refuses a token re-signed with another key under the published key id", async () => {
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce }, { key: "stranger" }));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "BAD_ID_TOKEN",
      detail: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    });
  });

  it("refuses a token signed with the client secret (HS256) instead of the provider's key", async () => {
    const outcome = await completeWith((nonce) => issuer.sign({ ...person, nonce }, { secret: CLIENT_SECRET }));
    expect(outcome).toMatchObject({ ok: false, reason: "BAD_ID_TOKEN", detail: "ERR_JOSE_ALG_NOT_ALLOWED" });
  });

  it("refuses a token from another issuer", async () => {
    const outcome = await completeWith((nonce) =>
      issuer.sign({ ...person, nonce, iss: "https://accounts.google.com" }),
    );
    expect(outcome).toMatchObject({ ok: false, reason: "BAD_ID_TOKEN", detail: expect.stringContaining("iss") });
  });

  it("refuses a token without a nonce, and one with another sign-in's nonce", async () => {
    expect(await completeWith(() => issuer.sign({ ...person }))).toMatchObject({
      ok: false,
      reason: "NONCE_MISMATCH",
      detail: "ID token has no nonce",
    });
    expect(await completeWith(() => issuer.sign({ ...person, nonce: "another-sign-ins-nonce" }))).toMatchObject({
      ok: false,
      reason: "NONCE_MISMATCH",
      detail: "nonce differs",
    });
  });

  it("refuses a token without a subject or an email", async () => {
    const { sub: _sub, ...noSub } = person;
    const { email: _email, ...noEmail } = person;
    expect(await completeWith((nonce) => issuer.sign({ ...noSub, nonce }))).toMatchObject({ reason: "BAD_ID_TOKEN" });
    expect(await completeWith((nonce) => issuer.sign({ ...noEmail, nonce }))).toMatchObject({
      reason: "MISSING_EMAIL",
    });
  });

  it("refuses a callback with the wrong state before calling the token endpoint at all", async () => {
    const start = await beginSignIn(deps);
    if (!start.ok) throw new Error(start.detail);
    const before = issuer.tokenRequests;
    const expected = { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier };
    const outcome = await completeSignIn(deps, { code: CODE, returnedState: "forged-state", expected });
    expect(outcome).toMatchObject({ ok: false, reason: "STATE_MISMATCH" });
    expect(issuer.tokenRequests).toBe(before);
  });

  it("builds an authorization URL with PKCE S256, a fresh state and nonce each time", async () => {
    const [a, b] = await Promise.all([beginSignIn(deps), beginSignIn(deps)]);
    if (!a.ok || !b.ok) throw new Error("discovery failed");
    const url = new URL(a.authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${issuer.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: "openid email profile",
      state: a.state,
      nonce: a.nonce,
      code_challenge_method: "S256",
    });
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(a.codeVerifier));
    expect(url.searchParams.get("code_challenge")).toBe(Buffer.from(digest).toString("base64url"));
    expect(a.codeVerifier).toMatch(/^[\w-]{43}$/);
    expect(new Set([a.state, a.nonce, a.codeVerifier, b.state, b.nonce, b.codeVerifier]).size).toBe(6);
  });

  it("caches discovery per issuer for an hour, then fetches it again", async () => {
    let discoveries = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith("/.well-known/openid-configuration")) discoveries++;
      return fetch(input, init);
    };
    const later = Date.now() + 2 * 3600_000; // past whatever earlier tests cached
    const at = (ms: number) => ({ ...deps, fetch: counting, now: () => ms });
    expect((await beginSignIn(at(later))).ok).toBe(true);
    expect((await beginSignIn(at(later + 59 * 60_000))).ok).toBe(true);
    expect(discoveries).toBe(1);
    expect((await beginSignIn(at(later + 61 * 60_000))).ok).toBe(true);
    expect(discoveries).toBe(2);
  });

  it("reports an issuer without a discovery document", async () => {
    const missing = { ...deps, issuer: `${issuer.issuer}/nowhere` };
    expect(await beginSignIn(missing)).toEqual({
      ok: false,
      reason: "DISCOVERY_FAILED",
      detail: "discovery answered 404",
    });
  });
});
