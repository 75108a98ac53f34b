/**
 * A hold id names its show and the client-address budget it was charged to:
 * base64url(showId's 16 bytes ‖ 12 random bytes) (38 characters, the hold's own part) followed by
 * the address's budget tag (BUDGET_TAG_LENGTH characters, src/seats/use-cases/seat-budget.ts).
 * Every Redis key of a hold carries the show's `{showId}` hash tag (one cluster slot per show,
 * one Upstash key-lock scope), so `GET /holds/{holdId}` must find the show from the id alone,
 * without a lookup round trip; and whichever address later releases, changes or orders the hold,
 * the script frees the budget the hold charged, again named by the id alone.
 */
const OWN_PART_LENGTH = 38;
/** The address budget's tag in a hold id: 16 hex digits (64 bits) of the keyed hash. */
export const BUDGET_TAG_LENGTH = 16;
const HOLD_ID = new RegExp(`^[A-Za-z0-9_-]{${OWN_PART_LENGTH + BUDGET_TAG_LENGTH}}$`);
const BUDGET_TAG = new RegExp(`^[A-Za-z0-9_-]{${BUDGET_TAG_LENGTH}}$`);

export function newHoldId(
  showId: string,
  budgetTag: string,
  random: Uint8Array = crypto.getRandomValues(new Uint8Array(12)),
): string {
  if (random.length !== 12) throw new RangeError("a hold id takes 12 random bytes");
  if (!BUDGET_TAG.test(budgetTag)) throw new RangeError("not a budget tag");
  const bytes = new Uint8Array(28);
  bytes.set(uuidToBytes(showId), 0);
  bytes.set(random, 16);
  return `${toBase64Url(bytes)}${budgetTag}`;
}

/**
 * The hold's own part of its id, without the budget tag: its record's name, so an Idempotency-Key
 * retried from another address (whose tag differs) finds the hold its first attempt made.
 */
export const ownPartOfHold = (holdId: string) => holdId.slice(0, OWN_PART_LENGTH);

/** The address budget tag a hold id carries (the hold's seats are charged to that budget). */
export const budgetTagOfHold = (holdId: string) => holdId.slice(OWN_PART_LENGTH);

/** The show of a hold id, or undefined when the text is not a hold id. */
export function showIdOfHold(holdId: string): string | undefined {
  if (!HOLD_ID.test(holdId)) return undefined;
  const bytes = fromBase64Url(ownPartOfHold(holdId));
  if (bytes.length !== 28) return undefined;
  return bytesToUuid(bytes.subarray(0, 16));
}

export const isHoldId = (text: string) => showIdOfHold(text) !== undefined;

function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a UUID: ${uuid}`);
  return Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
