import { importVerifyKeys, type PublicTicketKey, type Ticket, verifyTicket } from "@housefull/shared";

/** What the usher sees: admit (green) or refuse (red), and why. */
export type DoorAnswer =
  | {
      verdict: "ADMIT";
      ticket: Ticket;
      checkedOffline: boolean;
      /** At a gate: the seats this scan admitted (the rest of the ticket's were in already). */
      admitted?: string[];
      /** The booker's name as the order has it (the token's may be shortened). */
      holder?: string;
    }
  | { verdict: "REFUSE"; reason: string; detail: string; ticket?: Pick<Ticket, "seatIds" | "holder"> };

const REASONS = {
  MALFORMED: ["Not a ticket", "This code is not a housefull ticket."],
  UNKNOWN_KEY: [
    "Unknown signature key",
    "Signed by a key this scanner does not know. Refresh the keys and scan again.",
  ],
  BAD_SIGNATURE: ["Forged or altered", "The ticket's signature does not match its contents."],
  KEY_EXPIRED: ["Expired ticket key", "This ticket was signed with a key that is no longer valid."],
} as const;

// Importing keys is WebCrypto work: once per key list.
let imported: { keys: readonly PublicTicketKey[]; verify: ReturnType<typeof importVerifyKeys> } | undefined;

/**
 * Checks a scanned token on this device, against the public keys (Ed25519 through WebCrypto, the
 * same code the worker runs). This only proves the ticket is genuine; whether it was already used,
 * or is of this show, is the check-in's answer (the next step slots in after this one).
 */
export async function checkTicketOffline(
  keys: readonly PublicTicketKey[],
  token: string,
  now = new Date(),
): Promise<DoorAnswer> {
  if (imported?.keys !== keys) imported = { keys, verify: importVerifyKeys(keys) };
  const verdict = await verifyTicket(await imported.verify, token.trim(), now);
  if (verdict.outcome === "VALID") return { verdict: "ADMIT", ticket: verdict.ticket, checkedOffline: true };
  const [reason, detail] = REASONS[verdict.outcome];
  return { verdict: "REFUSE", reason, detail };
}

/**
 * Without a gate, a typed short code proves nothing (it carries no signature): it is looked up at a
 * gate, online or in the show's list.
 */
export const typedCodeAnswer = (code: string): DoorAnswer => ({
  verdict: "REFUSE",
  reason: "Pick your gate first",
  detail: `${code} is checked against the show's list: choose the show you are admitting to, then type it again.`,
});
