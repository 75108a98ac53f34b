/// <reference path="./memory-adapter.d.ts" />
/**
 * A local OpenID provider standing in for Google (dev tooling: never imported from src/). The
 * certified `oidc-provider`, configured as a relying party sees Google: discovery, JWKS, code flow
 * only with PKCE S256 required, scopes `openid email profile`, RS256 ID tokens carrying `sub`
 * (stable per email), `email`, `email_verified` and `name`. Its sign-in page takes any email address.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import type { Configuration, KoaContextWithOIDC, default as Provider } from "oidc-provider";
import { createMemoryAdapter } from "oidc-provider/lib/adapters/memory_adapter.js";
import { AccountBook, normaliseEmail } from "./accounts.ts";
import { messagePage, signInPage } from "./page.ts";

export interface IdentityProviderOptions {
  port?: number;
  /** Host in the issuer URL; the worker in workerd fetches discovery, JWKS and tokens from it. */
  issuerHost?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** One line per notable event (never a token, code or secret). Silent by default. */
  log?: (line: string) => void;
}

export interface IdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

const CLIENT_NAME = "housefull";
const MAX_FORM_BYTES = 4096;

/**
 * oidc-provider warns on import that Node 20 is not the LTS it supports. It runs on Node 20 (measured,
 * see the toolchain notes) and this is dev tooling, so exactly that line is dropped; importing it
 * lazily also keeps it out of processes that never start a provider.
 */
async function importProvider(): Promise<typeof import("oidc-provider")> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
}

export async function startIdentityProvider(opts: IdentityProviderOptions): Promise<IdentityProvider> {
  const { port = 0, issuerHost = "127.0.0.1", log = () => {} } = opts;
  const { default: Provider, errors } = await importProvider();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, issuerHost === "localhost" ? "127.0.0.1" : issuerHost, () => resolve());
  });
  const issuer = `http://${issuerHost}:${(server.address() as AddressInfo).port}`;
  const accounts = new AccountBook();
  const provider = new Provider(issuer, await configuration(opts, accounts));
  provider.on("server_error", (_ctx: unknown, error: Error) =>
    log(`identity provider: server error: ${error.message}`),
  );
  provider.on("grant.error", (_ctx: unknown, error: Error) =>
    log(`identity provider: token request refused: ${error.message}`),
  );

  const oidc = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? "/", issuer).pathname)?.[1];
    if (!uid) return void oidc(req, res);
    interaction(provider, errors, accounts, uid, req, res).catch((error: unknown) => {
      const expired = error instanceof errors.SessionNotFound;
      if (!expired) log(`identity provider: interaction failed: ${(error as Error).message}`);
      if (res.headersSent) return void res.end();
      send(
        res,
        expired ? 400 : 500,
        expired
          ? messagePage("Sign-in expired", "This sign-in page is no longer valid. Go back to the app and start again.")
          : messagePage("Sign-in failed", "Something went wrong. Go back to the app and start again."),
      );
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function configuration(opts: IdentityProviderOptions, accounts: AccountBook): Promise<Configuration> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  const signingKey = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: "RS256", use: "sig" };
  return {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        client_name: CLIENT_NAME,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        id_token_signed_response_alg: "RS256",
      },
    ],
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    responseTypes: ["code"],
    scopes: ["openid"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Google puts the scope's claims (email, name) in the ID token itself, not only in userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    enabledJWA: { idTokenSigningAlgValues: ["RS256"] },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    adapter: createMemoryAdapter(15),
    // Google offers none of these; a relying party tested here must not come to rely on them.
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
    },
    ttl: { AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600, Interaction: 600, Session: 86400, Grant: 86400 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.find(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }),
      };
    },
    // Consent is granted automatically: the only client is the app itself (Google skips it too once granted).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.account) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ accountId: oidc.account.accountId, clientId: oidc.client.clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
}

/** The sign-in page: GET shows it, POST signs the email in and resumes the authorization. */
async function interaction(
  provider: Provider,
  errors: typeof import("oidc-provider").errors,
  accounts: AccountBook,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound("interaction does not match its cookie");
  if (details.prompt.name !== "login") throw new Error(`unexpected prompt ${details.prompt.name}`);
  const formAction = `/interaction/${uid}`;
  if (req.method === "GET") {
    const hint = details.params.login_hint;
    return send(
      res,
      200,
      signInPage({ formAction, clientName: CLIENT_NAME, email: typeof hint === "string" ? hint : "" }),
    );
  }
  if (req.method !== "POST") return send(res, 405, messagePage("Method not allowed", "Use the sign-in form."));
  const form = new URLSearchParams(await readBody(req));
  const typed = form.get("email") ?? "";
  const name = (form.get("name") ?? "").slice(0, 100);
  const email = normaliseEmail(typed);
  if (!email) {
    const error = "Enter an email address, like name@example.com.";
    return send(res, 400, signInPage({ formAction, clientName: CLIENT_NAME, email: typed, name, error }));
  }
  const account = accounts.signIn(email, name);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub } },
    { mergeWithLastSubmission: false },
  );
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // No form-action: the form's redirect chain ends at the app's redirect URI, another origin.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
