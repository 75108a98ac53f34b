/**
 * Stripe's webhook signature scheme (docs.stripe.com/webhooks/signature; stripe-node's
 * `src/Webhooks.ts`): the `Stripe-Signature` header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`
 * (several `v1` entries while a secret is being rolled; other schemes such as `v0` are ignored),
 * and each `v1` is HMAC-SHA256 over `${t}.${rawBody}` keyed with the endpoint's `whsec_…` secret.
 * WebCrypto only, so the same code runs in workerd and Node.
 */
import type { StripeEvent } from "./stripe-types.ts";

export type SignatureFailure = "NO_HEADER" | "MALFORMED" | "STALE" | "BAD_SIGNATURE" | "BAD_JSON";
export type SignatureOutcome = { ok: true; event: StripeEvent } | { ok: false; reason: SignatureFailure };

export interface VerifyOptions {
  /** Largest accepted |now − t| in seconds (Stripe's libraries default to 300). */
  toleranceSeconds?: number;
  /** The receiving time, epoch milliseconds (default `Date.now()`). */
  now?: number;
}

const encoder = new TextEncoder();
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export async function verifyStripeSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  opts: VerifyOptions = {},
): Promise<SignatureOutcome> {
  // An unset secret is a deployment mistake, not a bad request: say so loudly.
  if (!secret) throw new Error("verifyStripeSignature: the webhook signing secret is empty");
  if (!signatureHeader) return { ok: false, reason: "NO_HEADER" };
  const parsed = parseSignatureHeader(signatureHeader);
  if (!parsed) return { ok: false, reason: "MALFORMED" };

  const body = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const signed = concat(encoder.encode(`${parsed.timestamp}.`), body);
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  // subtle.verify compares the MAC in constant time; a wrong-length or non-hex entry never matches.
  let matched = false;
  for (const hex of parsed.signatures) {
    if (HEX_SHA256.test(hex) && (await crypto.subtle.verify("HMAC", key, fromHex(hex), signed))) matched = true;
  }
  if (!matched) return { ok: false, reason: "BAD_SIGNATURE" };

  // Checked after the signature, as stripe-node does. Stricter than stripe-node in one way: a
  // timestamp too far in the future is refused too (|age|), not only one too old.
  const tolerance = opts.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: "STALE" };

  let event: unknown;
  try {
    event = JSON.parse(typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody));
  } catch {
    return { ok: false, reason: "BAD_JSON" };
  }
  if (!isEvent(event)) return { ok: false, reason: "BAD_JSON" };
  return { ok: true, event };
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const at = item.indexOf("=");
    if (at < 0) continue;
    const name = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (name === "t") {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (name === "v1") {
      signatures.push(value);
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

function isEvent(value: unknown): value is StripeEvent {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    e.object === "event" &&
    typeof e.id === "string" &&
    typeof e.type === "string" &&
    typeof e.created === "number" &&
    typeof e.data === "object" &&
    e.data !== null &&
    typeof (e.data as Record<string, unknown>).object === "object"
  );
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
