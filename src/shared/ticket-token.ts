/**
 * The signed ticket token (docs/TICKETS.md): what the QR code on a ticket carries. Binary, then
 * base64url, small enough for a low-density QR code. Shared by the worker (which signs and, at the
 * door, verifies) and the usher's scanner (which verifies offline against the public keys), so both
 * read exactly the same bytes. Pure: WebCrypto Ed25519 only, no I/O.
 *
 * Layout of format 1 (all integers big-endian):
 *   u8 format (1) · u16 key id · 16 order id · 16 show id · u32 ticket version · 4 ticket code
 *   · u8 n + n bytes holder name (UTF-8) · u8 g + g seat groups · 64 Ed25519 signature
 * A seat group is one row: u16 `(count − 1) << 10 | rowCode` then `count` seat numbers (u8), where
 * rowCode is A–Z → 0–25, AA–ZZ → 26–701. The signature covers SIGNING_CONTEXT ‖ every byte before it.
 */
import { parseSeatId, sortSeatIds } from "./seat-order";

export const TICKET_FORMAT = 1;
/** Domain separation: a signature over a ticket is never a valid signature over anything else. */
const SIGNING_CONTEXT = new TextEncoder().encode("housefull-ticket/1\n");
const SIGNATURE_BYTES = 64;
export const MAX_HOLDER_BYTES = 24;

export interface Ticket {
  orderId: string;
  showId: string;
  /** Changes whenever the order's admission state changes (cancel, refund): an older token is stale. */
  version: number;
  /** The short code for typing, "BMS" and 8 hex digits. */
  ticketCode: string;
  /** The booker's name as the usher sees it, cut to MAX_HOLDER_BYTES. Informational only. */
  holder: string;
  seatIds: string[];
}

/** A public key as GET /api/v1/door/keys lists it: a JWK (RFC 8037) with its last valid moment. */
export interface PublicTicketKey {
  kid: string;
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  /** ISO time after which tickets signed with this key are refused (KEY_EXPIRED). */
  notAfter: string;
}

export interface VerifyKey {
  keyId: number;
  key: CryptoKey;
  notAfter: Date;
}

export type TicketVerdict =
  | { outcome: "VALID"; keyId: number; ticket: Ticket }
  | { outcome: "MALFORMED"; reason: string }
  | { outcome: "UNKNOWN_KEY"; keyId: number }
  | { outcome: "BAD_SIGNATURE"; keyId: number }
  | { outcome: "KEY_EXPIRED"; keyId: number; notAfter: string };

export const ED25519 = { name: "Ed25519" } as const;

/** A key id as it appears in a JWK's `kid`: 1–65535 in decimal. */
export function parseKeyId(kid: string): number | undefined {
  if (!/^[1-9][0-9]{0,4}$/.test(kid)) return undefined;
  const n = Number(kid);
  return n <= 0xffff ? n : undefined;
}

/** The public keys a scanner (or the worker) verifies with. Keys it cannot use are left out. */
export async function importVerifyKeys(keys: readonly PublicTicketKey[]): Promise<VerifyKey[]> {
  const imported = await Promise.all(
    keys.map(async (jwk) => {
      const keyId = parseKeyId(jwk.kid);
      const notAfter = new Date(jwk.notAfter);
      if (keyId === undefined || Number.isNaN(notAfter.getTime())) return undefined;
      const key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, ED25519, true, [
        "verify",
      ]);
      return { keyId, key, notAfter };
    }),
  );
  return imported.filter((k): k is VerifyKey => k !== undefined);
}

/** The bytes that get signed: everything but the signature. Throws on a ticket that cannot be encoded. */
export function encodeTicketPayload(keyId: number, ticket: Ticket): Uint8Array {
  const holder = truncateUtf8(ticket.holder, MAX_HOLDER_BYTES);
  const groups = seatGroups(ticket.seatIds);
  const code = /^BMS([0-9A-F]{8})$/.exec(ticket.ticketCode)?.[1];
  if (!code) throw new RangeError(`ticket code ${ticket.ticketCode} is not BMS and 8 hex digits`);
  if (!Number.isInteger(keyId) || keyId < 1 || keyId > 0xffff) throw new RangeError("key id must be 1–65535");
  if (!Number.isInteger(ticket.version) || ticket.version < 0 || ticket.version > 0xffff_ffff) {
    throw new RangeError("ticket version must be a u32");
  }
  const out = new ByteWriter();
  out.u8(TICKET_FORMAT);
  out.u16(keyId);
  out.bytes(uuidBytes(ticket.orderId));
  out.bytes(uuidBytes(ticket.showId));
  out.u32(ticket.version);
  out.bytes(hexBytes(code));
  out.u8(holder.length);
  out.bytes(holder);
  out.u8(groups.length);
  for (const { rowCode, numbers } of groups) {
    out.u16(((numbers.length - 1) << 10) | rowCode);
    for (const n of numbers) out.u8(n);
  }
  return out.done();
}

/** SIGNING_CONTEXT ‖ payload: what Ed25519 signs and verifies. */
export function signedMessage(payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const message = new Uint8Array(SIGNING_CONTEXT.length + payload.length);
  message.set(SIGNING_CONTEXT);
  message.set(payload, SIGNING_CONTEXT.length);
  return message;
}

export const joinToken = (payload: Uint8Array, signature: Uint8Array): string => {
  const all = new Uint8Array(payload.length + signature.length);
  all.set(payload);
  all.set(signature, payload.length);
  return base64UrlEncode(all);
};

type Decoded = { keyId: number; ticket: Ticket; payload: Uint8Array; signature: Uint8Array<ArrayBuffer> };

/** The token's fields, before any signature check; or why it is not a ticket token at all. */
export function decodeTicketToken(token: string): Decoded | { malformed: string } {
  const all = base64UrlDecode(token);
  if (!all) return { malformed: "not base64url" };
  if (all.length < 1 + 2 + 16 + 16 + 4 + 4 + 1 + 1 + SIGNATURE_BYTES) return { malformed: "too short" };
  if (all[0] !== TICKET_FORMAT) return { malformed: `unknown format ${all[0]}` };
  const payload = all.subarray(0, all.length - SIGNATURE_BYTES);
  const signature = all.slice(all.length - SIGNATURE_BYTES);
  const read = new ByteReader(payload);
  try {
    read.u8();
    const keyId = read.u16();
    const orderId = uuidText(read.bytes(16));
    const showId = uuidText(read.bytes(16));
    const version = read.u32();
    const ticketCode = `BMS${hexText(read.bytes(4))}`;
    const holder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(read.bytes(read.u8()));
    const seatIds: string[] = [];
    const groupCount = read.u8();
    for (let g = 0; g < groupCount; g++) {
      const head = read.u16();
      const row = rowLabel(head & 0x3ff);
      const count = (head >> 10) + 1;
      for (let i = 0; i < count; i++) {
        const n = read.u8();
        if (n < 1 || n > 99) throw new RangeError("seat number out of range");
        seatIds.push(`${row}${n}`);
      }
    }
    if (!read.atEnd()) return { malformed: "trailing bytes" };
    if (seatIds.length === 0) return { malformed: "no seats" };
    return { keyId, payload, signature, ticket: { orderId, showId, version, ticketCode, holder, seatIds } };
  } catch (error) {
    return { malformed: error instanceof RangeError ? error.message : "unreadable" };
  }
}

/**
 * Whether `token` is a ticket signed by one of `keys`, still valid at `now`. Checks in this order:
 * the bytes, the key id, the signature, then the key's expiry — a forgery is BAD_SIGNATURE even
 * under an expired key, and an expired key's answer only ever concerns a genuine ticket.
 */
export async function verifyTicket(keys: readonly VerifyKey[], token: string, now: Date): Promise<TicketVerdict> {
  const decoded = decodeTicketToken(token);
  if ("malformed" in decoded) return { outcome: "MALFORMED", reason: decoded.malformed };
  const { keyId } = decoded;
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) return { outcome: "UNKNOWN_KEY", keyId };
  const genuine = await crypto.subtle.verify(ED25519, key.key, decoded.signature, signedMessage(decoded.payload));
  if (!genuine) return { outcome: "BAD_SIGNATURE", keyId };
  if (now.getTime() > key.notAfter.getTime()) {
    return { outcome: "KEY_EXPIRED", keyId, notAfter: key.notAfter.toISOString() };
  }
  return { outcome: "VALID", keyId, ticket: decoded.ticket };
}

// ── encoding helpers ─────────────────────────────────────────────────────────────────────────────

function seatGroups(seatIds: readonly string[]): { rowCode: number; numbers: number[] }[] {
  const groups = new Map<number, number[]>();
  const sorted = sortSeatIds(new Set(seatIds));
  if (sorted.length === 0) throw new RangeError("a ticket has at least one seat");
  for (const seatId of sorted) {
    const seat = parseSeatId(seatId);
    if (!seat) throw new RangeError(`seat ${seatId} cannot be encoded`);
    const rowCode = rowCodeOf(seat.row);
    groups.set(rowCode, [...(groups.get(rowCode) ?? []), seat.number]);
  }
  if (groups.size > 0xff) throw new RangeError("too many rows");
  return [...groups].map(([rowCode, numbers]) => {
    if (numbers.length > 64) throw new RangeError("more than 64 seats in one row");
    return { rowCode, numbers };
  });
}

const A = 65;
const rowCodeOf = (row: string): number =>
  row.length === 1 ? row.charCodeAt(0) - A : 26 + (row.charCodeAt(0) - A) * 26 + (row.charCodeAt(1) - A);

function rowLabel(code: number): string {
  if (code < 26) return String.fromCharCode(A + code);
  if (code < 702) return String.fromCharCode(A + Math.floor((code - 26) / 26), A + ((code - 26) % 26));
  throw new RangeError("row code out of range");
}

function truncateUtf8(text: string, maxBytes: number): Uint8Array {
  const encoder = new TextEncoder();
  let out = encoder.encode(text);
  // Cut whole characters only, so the bytes always decode.
  for (let chars = [...text]; out.length > maxBytes; chars = chars.slice(0, -1)) out = encoder.encode(chars.join(""));
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new RangeError(`${uuid} is not a UUID`);
  return hexBytes(uuid.replaceAll("-", ""));
}
function uuidText(bytes: Uint8Array): string {
  const hex = hexText(bytes).toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
const hexText = (bytes: Uint8Array) =>
  [...bytes]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Strict: the alphabet only, no padding, and canonical (one string per byte sequence). */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return base64UrlEncode(bytes) === text ? bytes : undefined;
}

class ByteWriter {
  private readonly parts: number[] = [];
  u8(n: number) {
    this.parts.push(n & 0xff);
  }
  u16(n: number) {
    this.parts.push((n >>> 8) & 0xff, n & 0xff);
  }
  u32(n: number) {
    this.parts.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  }
  bytes(b: Uint8Array) {
    for (const x of b) this.parts.push(x);
  }
  done = () => Uint8Array.from(this.parts);
}

class ByteReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}
  bytes(n: number): Uint8Array {
    if (this.at + n > this.buf.length) throw new RangeError("truncated");
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8 = () => this.bytes(1)[0] as number;
  u16 = () => {
    const b = this.bytes(2);
    return ((b[0] as number) << 8) | (b[1] as number);
  };
  u32 = () => {
    const b = this.bytes(4);
    return (((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number)) >>> 0;
  };
  atEnd = () => this.at === this.buf.length;
}
