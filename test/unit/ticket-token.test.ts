import { describe, expect, it } from "vitest";
import { generateTicketKey, keySetJson } from "../../dev/ticket-keys";
import { currentSigningKey, signTicket, ticketKeyringOf, verifyTicket } from "../../src/door/ticket-token";
import { ticketVersionOf } from "../../src/door/ticket-version";
import { base64UrlDecode, base64UrlEncode, decodeTicketToken, type Ticket } from "../../src/shared/ticket-token";

const NOW = new Date("2026-03-01T12:00:00Z");
const LATER = new Date("2027-01-01T00:00:00Z");

const ticket: Ticket = {
  orderId: "0b6f1f7e-3c1a-4d9e-9a55-1f2e3d4c5b6a",
  showId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  version: 3_141_592_653,
  ticketCode: "BMS30F12E2E",
  holder: "Asha Rao",
  seatIds: ["F10", "F9", "AA3", "B1"],
};

async function keyring(...keys: Awaited<ReturnType<typeof generateTicketKey>>[]) {
  return ticketKeyringOf(keySetJson(keys));
}

/** The token's bytes, changed by `edit`, as a token again. */
function tampered(token: string, edit: (bytes: Uint8Array) => void): string {
  const bytes = base64UrlDecode(token) as Uint8Array;
  edit(bytes);
  return base64UrlEncode(bytes);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** The same bytes spelled another way: the last character's unused low bit set. */
function nonCanonical(token: string): string {
  if (token.length % 4 === 0) throw new Error("this token has no spare bits");
  const last = ALPHABET.indexOf(token.at(-1) as string);
  return token.slice(0, -1) + ALPHABET[last ^ 1];
}

describe("signed ticket tokens", () => {
  it("round-trips a ticket: seats in their one order, small enough for a low-density QR code", async () => {
    const keys = await keyring(await generateTicketKey("7", LATER));
    const { token, keyId } = await signTicket(keys.signing, ticket, NOW);
    expect(keyId).toBe(7);
    const verdict = await verifyTicket(keys.verifying, token, NOW);
    expect(verdict).toEqual({
      outcome: "VALID",
      keyId: 7,
      ticket: { ...ticket, seatIds: ["B1", "F9", "F10", "AA3"] },
    });
    // 4 seats in 3 rows and an 8-byte name: 127 bytes, 170 characters (a version 9-M QR code, 53 × 53).
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).toHaveLength(170);
  });

  it("is deterministic: the same ticket under the same key is the same token", async () => {
    const keys = await keyring(await generateTicketKey("1", LATER));
    const a = await signTicket(keys.signing, ticket, NOW);
    const b = await signTicket(keys.signing, ticket, NOW);
    expect(a.token).toBe(b.token);
  });

  it.each([
    // A forger's key under the scanner's own kid.
    {
      what: "refuses a forged signature (signed with another key under the same kid)",
      signerKid: "1",
      verdict: { outcome: "BAD_SIGNATURE", keyId: 1 },
    },
    { what: "names an unknown key id", signerKid: "2", verdict: { outcome: "UNKNOWN_KEY", keyId: 2 } },
  ])("$what", async ({ signerKid, verdict }) => {
    const scanner = await keyring(await generateTicketKey("1", LATER));
    const signer = await keyring(await generateTicketKey(signerKid, LATER));
    const { token } = await signTicket(signer.signing, ticket, NOW);
    expect(await verifyTicket(scanner.verifying, token, NOW)).toEqual(verdict);
  });

  it("refuses altered seats, order, version or signature bytes", async () => {
    const keys = await keyring(await generateTicketKey("1", LATER));
    const { token } = await signTicket(keys.signing, { ...ticket, seatIds: ["F9"] }, NOW);
    const bytes = base64UrlDecode(token) as Uint8Array;
    const seatAt = bytes.length - 64 - 1; // the one seat number, just before the signature
    expect(bytes[seatAt]).toBe(9);
    const altered = [
      tampered(token, (b) => {
        b[seatAt] = 10; // F9 → F10
      }),
      tampered(token, (b) => {
        b[3] = (b[3] as number) ^ 1; // order id
      }),
      tampered(token, (b) => {
        b[38] = (b[38] as number) ^ 1; // version
      }),
      tampered(token, (b) => {
        b[b.length - 1] = (b[b.length - 1] as number) ^ 0x80; // signature
      }),
    ];
    const decodedSeats = decodeTicketToken(altered[0] as string);
    expect("ticket" in decodedSeats && decodedSeats.ticket.seatIds).toEqual(["F10"]);
    for (const t of altered)
      expect(await verifyTicket(keys.verifying, t, NOW)).toMatchObject({ outcome: "BAD_SIGNATURE" });
  });

  it("refuses a genuine ticket of a key past its notAfter; a retired key without d still verifies until then", async () => {
    const old = await generateTicketKey("1", new Date("2026-06-01T00:00:00Z"));
    const signed = await signTicket((await keyring(old)).signing, ticket, NOW);
    const { d: _private, ...retired } = old;
    const rotated = await keyring(retired, await generateTicketKey("2", LATER));
    expect(await verifyTicket(rotated.verifying, signed.token, NOW)).toMatchObject({ outcome: "VALID", keyId: 1 });
    // After rotation the new key signs; after the old key's notAfter its tickets are refused.
    expect((await signTicket(rotated.signing, ticket, NOW)).keyId).toBe(2);
    expect(await verifyTicket(rotated.verifying, signed.token, new Date("2026-06-01T00:00:01Z"))).toEqual({
      outcome: "KEY_EXPIRED",
      keyId: 1,
      notAfter: "2026-06-01T00:00:00.000Z",
    });
  });

  it("signs with the key that stays valid longest, never an expired one", async () => {
    const keys = await keyring(
      await generateTicketKey("1", new Date("2026-02-01T00:00:00Z")),
      await generateTicketKey("2", LATER),
      await generateTicketKey("3", new Date("2026-12-01T00:00:00Z")),
    );
    expect(currentSigningKey(keys.signing, NOW)?.keyId).toBe(2);
    expect(currentSigningKey(keys.signing, new Date("2028-01-01T00:00:00Z"))).toBeUndefined();
    await expect(signTicket(keys.signing, ticket, new Date("2028-01-01T00:00:00Z"))).rejects.toThrow(/still valid/);
  });

  it("answers MALFORMED for truncated, padded, garbage and non-canonical tokens", async () => {
    const keys = await keyring(await generateTicketKey("1", LATER));
    const { token } = await signTicket(keys.signing, ticket, NOW);
    const bytes = base64UrlDecode(token) as Uint8Array;
    const cases = [
      "",
      "garbage!",
      "BMS30F12E2E",
      token.slice(0, -10),
      base64UrlEncode(bytes.subarray(0, 80)),
      `${token}=`,
      `${token}AA`,
      token.replace(/^./, "B"), // format byte 5
      " ".repeat(10),
      nonCanonical(token),
    ];
    for (const t of cases) {
      expect(await verifyTicket(keys.verifying, t, NOW), JSON.stringify(t)).toMatchObject({ outcome: "MALFORMED" });
    }
  });

  it("refuses to encode what the format cannot carry", async () => {
    const keys = await keyring(await generateTicketKey("1", LATER));
    await expect(signTicket(keys.signing, { ...ticket, seatIds: [] }, NOW)).rejects.toThrow(/at least one seat/);
    await expect(signTicket(keys.signing, { ...ticket, seatIds: ["A100"] }, NOW)).rejects.toThrow(/cannot be encoded/);
    await expect(signTicket(keys.signing, { ...ticket, ticketCode: "XYZ" }, NOW)).rejects.toThrow(/ticket code/);
  });

  it("cuts a long holder name at a character boundary", async () => {
    const keys = await keyring(await generateTicketKey("1", LATER));
    const { token } = await signTicket(keys.signing, { ...ticket, holder: "Venkataraghavan Iyer SrĀmma" }, NOW);
    const verdict = await verifyTicket(keys.verifying, token, NOW);
    expect(verdict.outcome === "VALID" && verdict.ticket.holder).toBe("Venkataraghavan Iyer Sr"); // 23 bytes: "Ā" would make 25
  });

  it("explains a missing or broken key secret without echoing it", async () => {
    await expect(ticketKeyringOf(undefined)).rejects.toThrow(/TICKET_SIGNING_KEYS is not set/);
    await expect(ticketKeyringOf("not json {")).rejects.toThrow(/not JSON/);
    const secret = JSON.stringify({ keys: [{ kid: "0", kty: "OKP", crv: "Ed25519", x: "short", notAfter: "x" }] });
    const error = await ticketKeyringOf(secret).catch((e: Error) => e);
    expect(String(error)).toMatch(/not a valid Ed25519 JWK set \(at keys\.0\.kid, keys\.0\.x, keys\.0\.notAfter\)/);
    expect(String(error)).not.toContain("short");
  });
});

describe("ticket versions", () => {
  const confirmed = {
    orderId: ticket.orderId,
    status: "CONFIRMED" as const,
    seatIds: ["A2", "A1"],
    confirmedAt: "2026-03-01T10:00:00.000Z",
    cancelledAt: null,
  };

  it("stay the same for the same order state, whatever the seat order", async () => {
    expect(await ticketVersionOf(confirmed)).toBe(await ticketVersionOf({ ...confirmed, seatIds: ["A1", "A2"] }));
  });

  it("change when the order is cancelled, its seats change, or it is confirmed again", async () => {
    const v = await ticketVersionOf(confirmed);
    const cancelled = { ...confirmed, status: "CANCELLED" as const, cancelledAt: "2026-03-01T11:00:00.000Z" };
    expect(await ticketVersionOf(cancelled)).not.toBe(v);
    expect(await ticketVersionOf({ ...confirmed, seatIds: ["A1"] })).not.toBe(v);
    expect(await ticketVersionOf({ ...confirmed, confirmedAt: "2026-03-01T10:05:00.000Z" })).not.toBe(v);
  });
});
