// The local OpenID provider (dev/identity-provider) driven like a browser would, and the worker's
// relying-party core (src/accounts/oidc.ts) completing real sign-ins against it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityProvider } from "../../dev/identity-provider/index";
import { beginSignIn, completeSignIn, type OidcDeps, type OidcFailureReason } from "../../src/accounts/oidc";
import { Browser, signInAtProvider } from "./oidc-browser";

const REDIRECT_URI = "http://127.0.0.1:8787/api/v1/auth/oidc/callback";
const CLIENT = { clientId: "housefull-test", clientSecret: "test-client-secret-0123456789" };

let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let deps: OidcDeps;
const providerLog: string[] = [];

beforeAll(async () => {
  idp = await startIdentityProvider({ ...CLIENT, redirectUris: [REDIRECT_URI], log: (line) => providerLog.push(line) });
  deps = { issuer: idp.issuer, ...CLIENT, redirectUri: REDIRECT_URI };
});
afterAll(() => idp.close());

/** Starts a sign-in, walks the provider's page in `browser` and returns what the app's callback gets. */
async function signIn(email: string, opts: { browser?: Browser; name?: string } = {}) {
  const start = await beginSignIn(deps);
  if (!start.ok) throw new Error(start.detail);
  const { callback, page } = await signInAtProvider(
    opts.browser ?? new Browser(),
    start.authorizationUrl,
    REDIRECT_URI,
    {
      email,
      name: opts.name,
    },
  );
  const code = callback.searchParams.get("code") ?? undefined;
  const returnedState = callback.searchParams.get("state") ?? undefined;
  const expected = { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier };
  return { code, returnedState, expected, page, callback };
}

/** A refusal with its reason, and nothing secret in what the caller might log. */
function expectRefused(
  outcome: Awaited<ReturnType<typeof completeSignIn>>,
  reason: OidcFailureReason,
  secrets: string[],
) {
  expect(outcome).toMatchObject({ ok: false, reason });
  const said = JSON.stringify(outcome);
  for (const secret of [CLIENT.clientSecret, ...secrets]) expect(said).not.toContain(secret);
}

/** The provider's sign-in page, reached as a browser reaches it: the authorization URL, then its redirects. */
async function signInPage() {
  const start = await beginSignIn(deps);
  if (!start.ok) throw new Error(start.detail);
  const browser = new Browser();
  const page = await browser.follow(await browser.get(start.authorizationUrl), start.authorizationUrl, REDIRECT_URI);
  return { browser, ...page };
}

describe("local identity provider: what a relying party sees", () => {
  it("publishes a Google-like discovery document and a public RS256 key set", async () => {
    const doc = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    expect(doc).toMatchObject({
      issuer: idp.issuer,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code"],
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    const jwks = await (await fetch(doc.jwks_uri)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it("shows a sign-in page with a field labelled Email, an optional Name and a Continue button", async () => {
    const { res } = await signInPage();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(
      /<label for="email">Email<\/label>\s*<input id="email" name="email" type="email"[^>]* required/,
    );
    expect(html).toMatch(/<label for="name">Name <span class="hint">\(optional\)<\/span><\/label>\s*<input id="name"/);
    expect(html).toContain('<button type="submit">Continue</button>');
  });

  it("signs any email address in, and the worker's core gets the identity from a verified ID token", async () => {
    const flow = await signIn("Newcomer@Example.com", { name: "Nia Newcomer" });
    expect(flow.callback.origin + flow.callback.pathname).toBe(REDIRECT_URI);
    const outcome = await completeSignIn(deps, flow);
    expect(outcome).toEqual({
      ok: true,
      identity: {
        provider: "oidc",
        issuer: idp.issuer,
        subject: expect.stringMatching(/^\d{21}$/),
        email: "newcomer@example.com",
        emailVerified: true,
        name: "Nia Newcomer",
      },
    });
  });

  it("gives the same email the same sub on every device, and another email another sub", async () => {
    const subjectOf = async (email: string) => {
      const outcome = await completeSignIn(deps, await signIn(email));
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.identity.subject;
    };
    const first = await subjectOf("same.person@example.com");
    expect(await subjectOf("same.person@example.com")).toBe(first);
    expect(await subjectOf("SAME.person@example.com ")).toBe(first);
    expect(await subjectOf("someone.else@example.com")).not.toBe(first);
  });

  it("skips the page for a browser already signed in, as Google does", async () => {
    const browser = new Browser();
    const first = await completeSignIn(deps, await signIn("returning@example.com", { browser }));
    const again = await signIn("ignored@example.com", { browser });
    expect(again.page).toBeUndefined();
    const second = await completeSignIn(deps, again);
    expect(first.ok && second.ok && second.identity.subject === first.identity.subject).toBe(true);
  });

  it("re-shows the page with an alert for something that is not an email address", async () => {
    const { browser, url } = await signInPage();
    const res = await browser.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "<not an email>" }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="&lt;not an email&gt;"');
  });

  it("requires PKCE: an authorization request without a code challenge is sent back with an error", async () => {
    const start = await beginSignIn(deps);
    if (!start.ok) throw new Error(start.detail);
    const url = new URL(start.authorizationUrl);
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const res = await new Browser().get(url.toString());
    const location = new URL(res.headers.get("location") ?? "", idp.issuer);
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("code")).toBeNull();
  });
});

describe("relying party: refusals against the real provider", () => {
  it("refuses a wrong state without redeeming the code (which then still works once)", async () => {
    const flow = await signIn("state@example.com");
    const outcome = await completeSignIn(deps, { ...flow, returnedState: `${flow.expected.state}x` });
    expectRefused(outcome, "STATE_MISMATCH", [flow.code ?? "?"]);
    expectRefused(await completeSignIn(deps, { ...flow, returnedState: undefined }), "STATE_MISMATCH", []);
    expect((await completeSignIn(deps, flow)).ok).toBe(true);
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const flow = await signIn("nonce@example.com");
    const outcome = await completeSignIn(deps, { ...flow, expected: { ...flow.expected, nonce: "another-nonce" } });
    expectRefused(outcome, "NONCE_MISMATCH", [flow.code ?? "?"]);
  });

  it("refuses a replayed authorization code: the provider will not exchange it twice", async () => {
    const flow = await signIn("replay@example.com");
    expect((await completeSignIn(deps, flow)).ok).toBe(true);
    const replay = await completeSignIn(deps, flow);
    expectRefused(replay, "TOKEN_EXCHANGE_FAILED", [flow.code ?? "?"]);
    expect(replay).toMatchObject({ detail: "token endpoint answered 400 invalid_grant" });
  });

  it("logs the provider's refusal by name only: no code, verifier or secret in its log lines", async () => {
    const flow = await signIn("logged@example.com");
    await completeSignIn(deps, flow);
    const from = providerLog.length;
    await completeSignIn(deps, flow);
    const lines = providerLog.slice(from);
    expect(lines).toEqual(["identity provider: token request refused: invalid_grant"]);
    for (const secret of [flow.code ?? "?", flow.expected.codeVerifier, CLIENT.clientSecret])
      expect(providerLog.join("\n")).not.toContain(secret);
  });

  it("refuses a code presented with another PKCE verifier", async () => {
    const flow = await signIn("pkce@example.com");
    const outcome = await completeSignIn(deps, {
      ...flow,
      expected: { ...flow.expected, codeVerifier: `${flow.expected.codeVerifier.slice(0, -4)}AAAA` },
    });
    expectRefused(outcome, "TOKEN_EXCHANGE_FAILED", [flow.code ?? "?", flow.expected.codeVerifier]);
    expect(outcome).toMatchObject({ detail: "token endpoint answered 400 invalid_grant" });
  });

  it("refuses when the client secret is wrong, and never repeats it", async () => {
    const flow = await signIn("secret@example.com");
    const wrong = "wrong-secret-wrong-secret";
    const outcome = await completeSignIn({ ...deps, clientSecret: wrong }, flow);
    expectRefused(outcome, "TOKEN_EXCHANGE_FAILED", [wrong, flow.code ?? "?"]);
    expect(outcome).toMatchObject({ detail: "token endpoint answered 401 invalid_client" });
  });

  it("refuses the provider's own ID token once it has expired (the worker's clock two hours on)", async () => {
    const flow = await signIn("late@example.com");
    const outcome = await completeSignIn({ ...deps, now: () => Date.now() + 2 * 3600_000 }, flow);
    expectRefused(outcome, "BAD_ID_TOKEN", [flow.code ?? "?"]);
    expect(outcome).toMatchObject({ detail: expect.stringContaining("ERR_JWT_EXPIRED") });
  });

  it("refuses a discovery document whose issuer is not the configured one", async () => {
    const outcome = await beginSignIn({ ...deps, issuer: `${idp.issuer}/` });
    expect(outcome).toEqual({
      ok: false,
      reason: "DISCOVERY_FAILED",
      detail: "discovery issuer differs from the configured one",
    });
  });
});
