import { base64url, EncryptJWT, jwtDecrypt } from "jose";
import type { Config } from "../env";

/**
 * Keys of the accounts domain, each derived from AUTH_JWT_SECRET for one purpose (HMAC-SHA256 of the
 * purpose's name), so a value made for one use — a session hash, an access cookie, a CSRF token, a
 * sealed sign-in flow — can never stand in for another, and no second secret needs deploying.
 */
export type KeyPurpose = "session-hash" | "email-code-hash" | "access-token" | "csrf" | "sealed" | "rate-limit-key";

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

/** 32 random bytes, base64url: session secrets. */
export const randomSecret = () => base64url.encode(crypto.getRandomValues(new Uint8Array(32)));

/**
 * Encrypts a small record (AES-256-GCM, a JWE) that must travel through someone else's hands — the
 * browser (the OIDC flow cookie) or the queue (a sign-in code) — unreadable and untouchable there.
 */
export async function seal(config: Config, payload: Record<string, unknown>, expiresAt: Date): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .encrypt(await keyOf(config, "sealed"));
}

/** The sealed record, or undefined when it was tampered with, made with another key, or expired. */
export async function unseal(config: Config, sealed: string, now: Date): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await jwtDecrypt(sealed, await keyOf(config, "sealed"), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: now,
      requiredClaims: ["exp"],
    });
    return payload;
  } catch {
    return undefined;
  }
}
