/**
 * The short ticket code (`BMS…`) as the door uses it: typed by an usher when the camera cannot read
 * the QR code. Shared by the worker (check-in, the manifest) and the scanner (offline lookup).
 */

/** As printed on the ticket: "BMS" and 8 upper-case hex digits, e.g. BMS30F12E2E. */
export const TICKET_CODE = /^BMS[0-9A-F]{8}$/;

/** The typed text as a ticket code (case and spaces forgiven), or undefined when it is not one. */
export function typedTicketCode(text: string): string | undefined {
  const code = text.replace(/[\s-]/g, "").toUpperCase();
  return TICKET_CODE.test(code) ? code : undefined;
}

const DIGEST_BYTES = 16;

/**
 * How a show's manifest names a ticket code: SHA-256 of the show id and the code, cut to 16 bytes,
 * base64url. The scanner digests what the usher typed and looks it up, so the manifest carries no
 * list of codes to read off a device; the entry behind it is what a scan of that ticket shows anyway.
 * (Codes have 32 random bits: this keeps them from casual reading, it is not a secret against a
 * determined search — which is why an entry carries no name, email or phone.)
 */
export async function ticketCodeDigest(showId: string, code: string): Promise<string> {
  const bytes = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`housefull-door:${showId}:${code}`)),
  ).subarray(0, DIGEST_BYTES);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
