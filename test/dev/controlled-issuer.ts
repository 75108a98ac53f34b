/**
 * An issuer the test controls, for ID tokens a certified provider will not produce (another
 * audience, expired, re-signed with a stranger's key, no nonce): discovery and JWKS over real HTTP,
 * and a token endpoint that answers with whatever ID token the test set.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

export interface ControlledIssuer {
  issuer: string;
  /** Signs with the published key unless `key` says "stranger" (same kid, another key). */
  sign(claims: JWTPayload, opts?: { key?: "published" | "stranger"; alg?: string; secret?: string }): Promise<string>;
  /** The ID token the next token request is answered with. */
  nextIdToken: string;
  tokenRequests: number;
  close(): Promise<void>;
}

export async function startControlledIssuer(clientId: string): Promise<ControlledIssuer> {
  const published = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  const kid = "controlled-1";
  const jwks = { keys: [{ ...(await exportJWK(published.publicKey)), kid, alg: "RS256", use: "sig" }] };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (path === "/.well-known/openid-configuration")
      return json(200, {
        issuer: state.issuer,
        authorization_endpoint: `${state.issuer}/auth`,
        token_endpoint: `${state.issuer}/token`,
        jwks_uri: `${state.issuer}/jwks`,
        response_types_supported: ["code"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post"],
      });
    if (path === "/jwks") return json(200, jwks);
    // For tests that cannot reach this object (the worker inside workerd): the next ID token by HTTP.
    if (path === "/control/next-id-token" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      return req.on("end", async () => {
        const { claims, ...opts } = JSON.parse(body) as { claims: JWTPayload; key?: "published" | "stranger" };
        state.nextIdToken = await state.sign(claims, opts);
        json(200, { ok: true });
      });
    }
    if (path === "/token" && req.method === "POST") {
      state.tokenRequests++;
      req.resume();
      return req.on("end", () => json(200, { access_token: "at", token_type: "Bearer", id_token: state.nextIdToken }));
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const state: ControlledIssuer = {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextIdToken: "",
    tokenRequests: 0,
    async sign(claims, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ iss: state.issuer, aud: clientId, iat: now, exp: now + 3600, ...claims });
      if (opts.secret) return jwt.setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode(opts.secret));
      const key = opts.key === "stranger" ? stranger.privateKey : published.privateKey;
      return jwt.setProtectedHeader({ alg: opts.alg ?? "RS256", kid }).sign(key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return state;
}
