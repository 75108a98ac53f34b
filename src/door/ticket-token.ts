/**
 * Signing tickets (docs/TICKETS.md). The token format and its verification live in
 * `src/shared/ticket-token.ts`, which the usher's scanner runs too; this module adds the private
 * side: the keyring from the TICKET_SIGNING_KEYS secret and `signTicket`.
 *
 * TICKET_SIGNING_KEYS is a JWK set: `{"keys": [{"kid": "1", "kty": "OKP", "crv": "Ed25519",
 * "x": "…", "d": "…", "notAfter": "2027-01-01T00:00:00Z"}, …]}`. A key without `d` only verifies
 * (a retired key whose tickets are still out). Rotation: add a key with a later notAfter; it signs
 * from then on, and the old one keeps verifying until its own notAfter.
 */
import * as z from "zod/mini";
import {
  ED25519,
  encodeTicketPayload,
  importVerifyKeys,
  joinToken,
  type PublicTicketKey,
  parseKeyId,
  signedMessage,
  type Ticket,
  type VerifyKey,
} from "../shared/ticket-token";

export { type Ticket, type TicketVerdict, verifyTicket } from "../shared/ticket-token";

const b64url = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, "a 32-byte key in base64url"));

const keySetSchema = z.object({
  keys: z
    .array(
      z.object({
        kid: z.string().check(z.refine((kid) => parseKeyId(kid) !== undefined, "kid must be 1–65535 in decimal")),
        kty: z.literal("OKP"),
        crv: z.literal("Ed25519"),
        x: b64url,
        d: z.optional(b64url),
        notAfter: z.iso.datetime({ offset: true }),
      }),
    )
    .check(z.minLength(1)),
});

export interface SigningKey {
  keyId: number;
  privateKey: CryptoKey;
  notAfter: Date;
}

export interface TicketKeyring {
  signing: SigningKey[];
  verifying: VerifyKey[];
  /** What GET /api/v1/door/keys publishes. */
  publicKeys: PublicTicketKey[];
}

export class TicketKeysError extends Error {
  override name = "TicketKeysError";
}

// The secret is the same string for every request of an isolate: import its keys once.
const keyrings = new Map<string, Promise<TicketKeyring>>();

/** The keyring of the TICKET_SIGNING_KEYS secret; a clear error if it is missing or unusable. */
export function ticketKeyringOf(secret: string | undefined): Promise<TicketKeyring> {
  if (!secret) {
    return Promise.reject(
      new TicketKeysError(
        "TICKET_SIGNING_KEYS is not set: tickets cannot be signed or verified (see docs/TICKETS.md: keys)",
      ),
    );
  }
  let keyring = keyrings.get(secret);
  if (!keyring) {
    keyring = importKeyring(secret);
    keyrings.set(secret, keyring);
    keyring.catch(() => keyrings.delete(secret));
  }
  return keyring;
}

async function importKeyring(secret: string): Promise<TicketKeyring> {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    throw new TicketKeysError("TICKET_SIGNING_KEYS is not JSON (expected a JWK set, docs/TICKETS.md: keys)");
  }
  const parsed = keySetSchema.safeParse(json);
  if (!parsed.success) {
    // Paths only: the secret's values never reach a log.
    const where = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new TicketKeysError(`TICKET_SIGNING_KEYS is not a valid Ed25519 JWK set (at ${where})`);
  }
  const keys = parsed.data.keys;
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) {
    throw new TicketKeysError("TICKET_SIGNING_KEYS names a kid twice");
  }
  const publicKeys = keys.map(({ kid, kty, crv, x, notAfter }) => ({
    kid,
    kty,
    crv,
    x,
    notAfter: new Date(notAfter).toISOString(),
  }));
  const signing = await Promise.all(
    keys.flatMap(({ kid, x, d, notAfter }) =>
      d
        ? [
            crypto.subtle
              .importKey("jwk", { kty: "OKP", crv: "Ed25519", x, d }, ED25519, false, ["sign"])
              .then((privateKey) => ({ keyId: Number(kid), privateKey, notAfter: new Date(notAfter) })),
          ]
        : [],
    ),
  );
  return { signing, verifying: await importVerifyKeys(publicKeys), publicKeys };
}

/** The key that signs now: of the keys not yet expired, the one that stays valid longest. */
export function currentSigningKey(keys: readonly SigningKey[], now: Date): SigningKey | undefined {
  return keys
    .filter((k) => k.notAfter.getTime() > now.getTime())
    .sort((a, b) => b.notAfter.getTime() - a.notAfter.getTime())[0];
}

/**
 * The ticket's token, signed by the current key. Ed25519 is deterministic: the same ticket under
 * the same key is the same token, so the ticket page and the email show the same QR code.
 */
export async function signTicket(
  keys: readonly SigningKey[],
  ticket: Ticket,
  now: Date,
): Promise<{ token: string; keyId: number }> {
  const key = currentSigningKey(keys, now);
  if (!key) throw new TicketKeysError("TICKET_SIGNING_KEYS has no signing key that is still valid");
  const payload = encodeTicketPayload(key.keyId, ticket);
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, signedMessage(payload)));
  return { token: joinToken(payload, signature), keyId: key.keyId };
}
