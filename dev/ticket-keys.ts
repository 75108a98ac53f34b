/**
 * Ticket signing keys for local runs and tests (docs/TICKETS.md: keys): a fresh Ed25519 pair as the
 * JWK set TICKET_SIGNING_KEYS expects. Generated on this machine, never committed; `npm run dev`
 * keeps its set in .data/ (git-ignored) so tickets already out stay valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface TicketKeyJwk {
  kid: string;
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  d?: string;
  notAfter: string;
}

/** One signing key, valid `days` from now (a year unless told). */
export async function generateTicketKey(kid = "1", notAfter = new Date(Date.now() + 365 * 86_400_000)) {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  if (!jwk.x || !jwk.d) throw new Error("Ed25519 export gave no x/d");
  return { kid, kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d, notAfter: notAfter.toISOString() } as TicketKeyJwk;
}

export const keySetJson = (keys: TicketKeyJwk[]) => JSON.stringify({ keys });

/** The dev stack's key set: read from `file`, or made and written there on the first run. */
export async function localTicketKeys(file: string): Promise<string> {
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const { keys } = JSON.parse(text) as { keys: TicketKeyJwk[] };
    if (keys.some((k) => new Date(k.notAfter).getTime() > Date.now() + 86_400_000)) return text;
  }
  const text = keySetJson([await generateTicketKey()]);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  return text;
}
