/**
 * The OpenID provider's discovery document (OpenID Connect Discovery 1.0), validated: https
 * endpoints, the code flow with PKCE S256, a client secret method, asymmetric ID token algorithms.
 * Cached per isolate with the provider's key set. No token, code or secret passes through here.
 */
import { createRemoteJWKSet, customFetch } from "jose";
import * as z from "zod/mini";
import type { OidcDeps, OidcFailure, OidcFailureReason, ProviderMetadata } from "./oidc";

const DISCOVERY_TTL_MS = 60 * 60_000;
const DEFAULT_TIMEOUT_MS = 5_000;
/** Signature algorithms an ID token may use: asymmetric only (never `none`, never HS* with our secret). */
const ASYMMETRIC = /^(?:(?:RS|PS|ES)(?:256|384|512)|EdDSA|Ed25519)$/;

export const fail = (reason: OidcFailureReason, detail: string): OidcFailure => ({ ok: false, reason, detail });
export const fetchOf = (deps: OidcDeps): typeof fetch => deps.fetch ?? ((input, init) => fetch(input, init));
export const nowOf = (deps: OidcDeps) => (deps.now ?? Date.now)();
export const signalOf = (deps: OidcDeps) => AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  response_types_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.optional(z.array(z.string())),
  code_challenge_methods_supported: z.optional(z.array(z.string())),
});

/** https, except on this machine (the local provider in dev and tests). */
const secureUrl = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || (protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(hostname));
};

interface CacheEntry {
  expiresAt: number;
  provider: ProviderMetadata;
  jwks: ReturnType<typeof createRemoteJWKSet>;
}
/** Per isolate, keyed by issuer: discovery once an hour, and jose's JWKS cache lives on with it. */
const discoveryCache = new Map<string, CacheEntry>();

export async function discoverEntry(deps: OidcDeps): Promise<{ ok: true; entry: CacheEntry } | OidcFailure> {
  const cached = discoveryCache.get(deps.issuer);
  if (cached && cached.expiresAt > nowOf(deps)) return { ok: true, entry: cached };
  let body: unknown;
  try {
    const res = await fetchOf(deps)(`${deps.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
      headers: { accept: "application/json" },
      signal: signalOf(deps),
    });
    if (!res.ok) return fail("DISCOVERY_FAILED", `discovery answered ${res.status}`);
    body = await res.json();
  } catch {
    return fail("DISCOVERY_FAILED", "discovery unreachable or not JSON");
  }
  const parsed = discoverySchema.safeParse(body);
  if (!parsed.success) return fail("DISCOVERY_FAILED", "discovery document is missing required fields");
  const doc = parsed.data;
  if (doc.issuer !== deps.issuer) return fail("DISCOVERY_FAILED", "discovery issuer differs from the configured one");
  if (![doc.authorization_endpoint, doc.token_endpoint, doc.jwks_uri].every(secureUrl))
    return fail("DISCOVERY_FAILED", "provider endpoints must use https");
  if (!doc.response_types_supported.includes("code")) return fail("DISCOVERY_FAILED", "no authorization code flow");
  if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes("S256"))
    return fail("DISCOVERY_FAILED", "no PKCE S256");
  // Absent means client_secret_basic (OpenID Connect Discovery 1.0 §3).
  const methods = doc.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const clientAuth = methods.includes("client_secret_basic")
    ? "client_secret_basic"
    : methods.includes("client_secret_post")
      ? "client_secret_post"
      : undefined;
  if (!clientAuth) return fail("DISCOVERY_FAILED", "no client secret authentication at the token endpoint");
  const idTokenAlgorithms = doc.id_token_signing_alg_values_supported.filter((alg) => ASYMMETRIC.test(alg));
  if (idTokenAlgorithms.length === 0) return fail("DISCOVERY_FAILED", "no asymmetric ID token algorithm");

  const entry: CacheEntry = {
    expiresAt: nowOf(deps) + DISCOVERY_TTL_MS,
    provider: {
      issuer: doc.issuer,
      authorizationEndpoint: doc.authorization_endpoint,
      tokenEndpoint: doc.token_endpoint,
      jwksUri: doc.jwks_uri,
      clientAuth,
      idTokenAlgorithms,
    },
    jwks: createRemoteJWKSet(new URL(doc.jwks_uri), {
      timeoutDuration: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(deps.fetch ? { [customFetch]: deps.fetch } : {}),
    }),
  };
  discoveryCache.set(deps.issuer, entry);
  return { ok: true, entry };
}

/** The provider's endpoints, validated; cached per isolate for an hour. */
export async function discover(deps: OidcDeps): Promise<{ ok: true; provider: ProviderMetadata } | OidcFailure> {
  const found = await discoverEntry(deps);
  return found.ok ? { ok: true, provider: found.entry.provider } : found;
}
