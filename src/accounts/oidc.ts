/**
 * OpenID Connect relying party (docs/API.md: Identity; README: How sign-in works): authorization code flow with PKCE S256,
 * `state` and `nonce`, ID token verified against the issuer's JWKS. Pure functions over explicit
 * dependencies, no I/O at module load; runs in workerd and Node. Outcomes are values, never logs:
 * nothing here writes a token, code or secret anywhere. The provider's discovery: oidc-discovery.ts.
 */
import { base64url, type JWTPayload, errors as joseErrors, jwtVerify } from "jose";
import * as z from "zod/mini";
import { discoverEntry, fail, fetchOf, nowOf, signalOf } from "./oidc-discovery";

export interface OidcDeps {
  /** e.g. https://accounts.google.com; must equal the discovery document's `issuer`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  fetch?: typeof fetch;
  /** Epoch milliseconds (tests move the clock). */
  now?: () => number;
  timeoutMs?: number;
}

export interface OidcIdentity {
  provider: "oidc";
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
}

export type OidcFailureReason =
  | "DISCOVERY_FAILED"
  | "STATE_MISMATCH"
  | "MISSING_CODE"
  | "TOKEN_EXCHANGE_FAILED"
  | "JWKS_UNAVAILABLE"
  | "BAD_ID_TOKEN"
  | "NONCE_MISMATCH"
  | "MISSING_EMAIL";

/** `detail` says why for the logs; it never carries a token, code or secret. */
export type OidcFailure = { ok: false; reason: OidcFailureReason; detail: string };

export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  clientAuth: "client_secret_basic" | "client_secret_post";
  idTokenAlgorithms: string[];
}

export const OIDC_SCOPE = "openid email profile";
const CLOCK_TOLERANCE_S = 60;
/** The ID token is fetched right after it is issued: an older `iat` means a stale or replayed token. */
const MAX_ID_TOKEN_AGE_S = 10 * 60;

export interface SignInStart {
  ok: true;
  authorizationUrl: string;
  /** The caller keeps these three server-side and hands them back to completeSignIn. */
  state: string;
  nonce: string;
  codeVerifier: string;
}

const randomToken = () => base64url.encode(crypto.getRandomValues(new Uint8Array(32)));

export async function beginSignIn(deps: OidcDeps): Promise<SignInStart | OidcFailure> {
  const found = await discoverEntry(deps);
  if (!found.ok) return found;
  const [state, nonce, codeVerifier] = [randomToken(), randomToken(), randomToken()];
  const challenge = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier)));
  const url = new URL(found.entry.provider.authorizationEndpoint);
  for (const [key, value] of Object.entries({
    response_type: "code",
    client_id: deps.clientId,
    redirect_uri: deps.redirectUri,
    scope: OIDC_SCOPE,
    state,
    nonce,
    code_challenge: base64url.encode(challenge),
    code_challenge_method: "S256",
  }))
    url.searchParams.set(key, value);
  return { ok: true, authorizationUrl: url.toString(), state, nonce, codeVerifier };
}

export interface SignInCallback {
  code: string | undefined;
  returnedState: string | undefined;
  expected: { state: string; nonce: string; codeVerifier: string };
}

export async function completeSignIn(
  deps: OidcDeps,
  callback: SignInCallback,
): Promise<{ ok: true; identity: OidcIdentity } | OidcFailure> {
  const { code, returnedState, expected } = callback;
  if (!sameSecret(returnedState, expected.state)) return fail("STATE_MISMATCH", "state differs from the one issued");
  if (!code) return fail("MISSING_CODE", "no authorization code in the callback");
  const found = await discoverEntry(deps);
  if (!found.ok) return found;
  const { provider, jwks } = found.entry;

  const tokens = await exchangeCode(deps, provider, code, expected.codeVerifier);
  if (!tokens.ok) return tokens;

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(tokens.idToken, jwks, {
      issuer: provider.issuer,
      audience: deps.clientId,
      algorithms: provider.idTokenAlgorithms,
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_ID_TOKEN_AGE_S,
      requiredClaims: ["exp", "iat", "sub"],
      currentDate: new Date(nowOf(deps)),
    }));
  } catch (error) {
    return verificationFailure(error);
  }
  // Several audiences: the token must have been issued to us (OpenID Connect Core 1.0 §3.1.3.7).
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== deps.clientId)
    return fail("BAD_ID_TOKEN", "azp is not this client");
  if (typeof payload.nonce !== "string" || !sameSecret(payload.nonce, expected.nonce))
    return fail("NONCE_MISMATCH", payload.nonce === undefined ? "ID token has no nonce" : "nonce differs");
  if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 255)
    return fail("BAD_ID_TOKEN", "sub is not a valid subject");
  if (typeof payload.email !== "string" || payload.email.length === 0)
    return fail("MISSING_EMAIL", "ID token has no email");
  return {
    ok: true,
    identity: {
      provider: "oidc",
      issuer: provider.issuer,
      subject: payload.sub,
      email: payload.email,
      // Some Google tokens carry the string "true".
      emailVerified: payload.email_verified === true || payload.email_verified === "true",
      name: typeof payload.name === "string" && payload.name.length > 0 ? payload.name : null,
    },
  };
}

const tokenResponseSchema = z.object({ id_token: z.string().check(z.minLength(1)), token_type: z.string() });
/** A provider's `error` code is a short registered word; anything else is not repeated into logs. */
const errorCodeOf = (body: unknown) => {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === "string" && /^[\w.-]{1,64}$/.test(error) ? ` ${error}` : "";
};
/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for Basic credentials. */
const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

async function exchangeCode(
  deps: OidcDeps,
  provider: ProviderMetadata,
  code: string,
  codeVerifier: string,
): Promise<{ ok: true; idToken: string } | OidcFailure> {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: deps.redirectUri,
    code_verifier: codeVerifier,
  });
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (provider.clientAuth === "client_secret_basic")
    headers.authorization = `Basic ${btoa(`${formEncode(deps.clientId)}:${formEncode(deps.clientSecret)}`)}`;
  else {
    body.set("client_id", deps.clientId);
    body.set("client_secret", deps.clientSecret);
  }
  let res: Response;
  let json: unknown;
  try {
    res = await fetchOf(deps)(provider.tokenEndpoint, { method: "POST", headers, body, signal: signalOf(deps) });
    json = await res.json().catch(() => null);
  } catch {
    return fail("TOKEN_EXCHANGE_FAILED", "token endpoint unreachable");
  }
  if (!res.ok) return fail("TOKEN_EXCHANGE_FAILED", `token endpoint answered ${res.status}${errorCodeOf(json)}`);
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) return fail("TOKEN_EXCHANGE_FAILED", "token response has no id_token");
  return { ok: true, idToken: parsed.data.id_token };
}

function verificationFailure(error: unknown): OidcFailure {
  // The key set could not be fetched: the provider's fault, not the token's.
  if (
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    !(error instanceof joseErrors.JOSEError) ||
    error.code === "ERR_JOSE_GENERIC"
  )
    return fail("JWKS_UNAVAILABLE", "the provider's key set could not be loaded");
  if (error instanceof joseErrors.JWTClaimValidationFailed || error instanceof joseErrors.JWTExpired)
    return fail("BAD_ID_TOKEN", `${error.code}: ${error.claim} ${error.reason}`);
  return fail("BAD_ID_TOKEN", error.code);
}

/** Constant-time comparison of two secrets (state, nonce); an empty expectation never matches. */
function sameSecret(actual: string | undefined, expected: string): boolean {
  if (actual === undefined || expected.length === 0) return false;
  const a = new TextEncoder().encode(actual);
  const b = new TextEncoder().encode(expected);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
