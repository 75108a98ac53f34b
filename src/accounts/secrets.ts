import { base64url } from "jose";
import type { Config } from "../env";

/**
 * Keys of the accounts domain, each derived from AUTH_JWT_SECRET for one purpose (HMAC-SHA256 of the
 * purpose's name), so a value made for one use — a session hash, an access cookie, a CSRF token, a
 * sealed sign-in flow — can never stand in for another, and no second secret needs deploying.
 */
export type KeyPurpose =
  | "session-hash"
  | "email-code-hash"
  | "access-token"
  | "csrf"
  | "sealed"
  | "rate-limit-key"
  | "admission-token";

const encoder = new TextEncoder();
const derived = new WeakMap<Config, Map<KeyPurpose, Promise<Uint8Array<ArrayBuffer>>>>();

async function derive(secret: string, purpose: KeyPurpose): Promise<Uint8Array<ArrayBuffer>> {
  const master = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", master, encoder.encode(`housefull accounts ${purpose} v1`)));
}

/** 32 bytes for `purpose`, derived once per isolate and configuration. */
export function keyOf(config: Config, purpose: KeyPurpose): Promise<Uint8Array<ArrayBuffer>> {
  let keys = derived.get(config);
  if (!keys) {
    keys = new Map();
    derived.set(config, keys);
  }
  let key = keys.get(purpose);
  if (!key) {
    key = derive(config.AUTH_JWT_SECRET, purpose);
    keys.set(purpose, key);
  }
  return key;
}

/** HMAC-SHA256 of `value` under the purpose's key, hex: what is stored instead of a secret. */
export async function keyedHash(config: Config, purpose: KeyPurpose, value: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    await keyOf(config, purpose),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(value)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A client address as Redis may name it (never the address itself): a keyed hash per use, so the
 * guest-token cost and the seat budget of one address cannot be linked or reversed.
 */
export const clientAddressTag = async (config: Config, use: string, clientAddress: string): Promise<string> =>
  (await keyedHash(config, "rate-limit-key", `${use}\n${clientAddress}`)).slice(0, 32);

/** 32 random bytes, base64url: session secrets. */
export const randomSecret = () => base64url.encode(crypto.getRandomValues(new Uint8Array(32)));

/**
 * A sealed record is a compact JWE (`dir`, `A256GCM`) made with WebCrypto alone: the format jose
 * writes and reads, so records sealed before and after this module stopped using jose's JWE (about
 * 20 KB of the worker's bundle) open alike. The protected header is fixed and is the AAD.
 */
const SEALED_HEADER = base64url.encode(JSON.stringify({ alg: "dir", enc: "A256GCM" }));
const GCM_TAG_BYTES = 16;

const sealingKey = async (config: Config, use: "encrypt" | "decrypt") =>
  crypto.subtle.importKey("raw", await keyOf(config, "sealed"), "AES-GCM", false, [use]);

/**
 * Encrypts a small record (AES-256-GCM, a JWE) that must travel through someone else's hands — the
 * browser (the OIDC flow cookie) or the queue (a sign-in code) — unreadable and untouchable there.
 */
export async function seal(config: Config, payload: Record<string, unknown>, expiresAt: Date): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const claims = { ...payload, exp: Math.floor(expiresAt.getTime() / 1000) };
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: encoder.encode(SEALED_HEADER) },
      await sealingKey(config, "encrypt"),
      encoder.encode(JSON.stringify(claims)),
    ),
  );
  const ciphertext = sealed.subarray(0, -GCM_TAG_BYTES);
  const tag = sealed.subarray(-GCM_TAG_BYTES);
  return [SEALED_HEADER, "", base64url.encode(iv), base64url.encode(ciphertext), base64url.encode(tag)].join(".");
}

/** The sealed record, or undefined when it was tampered with, made with another key, or expired. */
export async function unseal(config: Config, sealed: string, now: Date): Promise<Record<string, unknown> | undefined> {
  const [header, encryptedKey, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (header !== SEALED_HEADER || encryptedKey !== "" || !iv || !ciphertext || !tag || rest.length) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: new Uint8Array(base64url.decode(iv)), additionalData: encoder.encode(SEALED_HEADER) },
      await sealingKey(config, "decrypt"),
      new Uint8Array([...base64url.decode(ciphertext), ...base64url.decode(tag)]),
    );
    const claims: unknown = JSON.parse(new TextDecoder().decode(plain));
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return undefined;
    const { exp } = claims as { exp?: unknown };
    // As jose judges `exp`: expired once the current second reaches it.
    if (typeof exp !== "number" || exp <= Math.floor(now.getTime() / 1000)) return undefined;
    return claims as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
