/** A ticket code as printed (its pattern: TICKET_CODE in src/shared/door-code.ts). */
export function newTicketCode(random: Uint8Array = crypto.getRandomValues(new Uint8Array(4))): string {
  if (random.length !== 4) throw new RangeError("a ticket code takes 4 random bytes");
  return `BMS${[...random]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}
