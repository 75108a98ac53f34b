/** A ticket code as printed on the ticket: "BMS" and 8 upper-case hex digits, e.g. BMS30F12E2E. */
export const TICKET_CODE = /^BMS[0-9A-F]{8}$/;

export function newTicketCode(random: Uint8Array = crypto.getRandomValues(new Uint8Array(4))): string {
  if (random.length !== 4) throw new RangeError("a ticket code takes 4 random bytes");
  return `BMS${[...random]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}
