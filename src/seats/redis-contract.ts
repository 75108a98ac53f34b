import * as z from "zod/mini";
import { budgetTagOfHold, ownPartOfHold } from "../domain/hold-id";
import { DONE_WHOLE_MEMBER } from "../onsale/redis-keys";

/**
 * The one owner of what the seat fast path keeps in Redis (docs: Redis): keys, the lock-owner
 * format, the hold record and every script's reply. Lua, TypeScript and SQL-fed repairs all go
 * through here, so a name means one thing everywhere.
 *
 * Every key of a show carries the `{showId}` hash tag, so one script's keys always live in one
 * cluster slot and Upstash can lock just those keys.
 */
/**
 * The show's seat locks, one hash for the whole hall: field = seat id, value =
 * `<expiresAtMs>|<lock owner>` (see `lockValue`). A field whose deadline has passed is a free seat
 * (scripts take the clock from ARGV); the hash lives as long as its longest lock. One key per show,
 * so every script's keys follow from the request (hold id, user, show) without reading the hold
 * first, and a seat map reads O(1) keys whatever the hall size.
 */
export const seatLocksKey = (showId: string) => `seat_locks:{${showId}}`;
/**
 * Named by the hold id's own part (domain/hold-id.ts): the same hold whatever budget tag a retried
 * Idempotency-Key's id carries. The scripts check the record's `holdId` is the one asked for.
 */
export const holdKey = (showId: string, holdId: string) => `hold:{${showId}}:${ownPartOfHold(holdId)}`;
export const bookedSeatsKey = (showId: string) => `booked:{${showId}}`;
/** The user's active holds on the show (sorted by expiry), for the per-user hold limit. */
export const userHoldsKey = (showId: string, userId: string) => `user_holds:{${showId}}:${userId}`;
/**
 * No seat spinning (issue 15): the live held seats charged to one person, and to one client
 * address, across every show (zset, member `<holdId>|<seatId>`, score = the seat's deadline, so a
 * lapsed hold frees its budget by itself). Not tagged by show: these are the only keys a hold
 * script shares across shows (Upstash's key locking takes them in KEYS like the rest).
 */
export const personBudgetKey = (userId: string) => `seat_budget:person:${userId}`;
/** `addressTag`: a keyed hash of the client address (src/seats/use-cases/seat-budget.ts), never the address. */
export const addressBudgetKey = (addressTag: string) => `seat_budget:address:${addressTag}`;
/**
 * The address budget a hold's seats are charged to: the one its id names (the address it was made
 * from), whichever address later changes, orders, releases or settles it.
 */
export const holdAddressBudgetKey = (holdId: string) => addressBudgetKey(budgetTagOfHold(holdId));
/**
 * KEYS[1..5] of the scripts that end or move one hold (release-hold, order-hold, undo-order-hold):
 * its record, the user's holds on the show, the show's seat locks, the two seat budgets it charged.
 */
export const oneHoldKeys = (h: { showId: string; holdId: string; userId: string }) => [
  holdKey(h.showId, h.holdId),
  userHoldsKey(h.showId, h.userId),
  seatLocksKey(h.showId),
  personBudgetKey(h.userId),
  holdAddressBudgetKey(h.holdId),
];
/** Guest tokens issued to one client address this hour (src/auth/guest-issuance.ts). */
export const guestIssuanceKey = (addressTag: string) => `guest_issuance:${addressTag}`;
/** Refused attempts, for the staff numbers (hash: reason → count). */
export const REFUSAL_COUNTS_KEY = "refusal_counts";

/**
 * The show's state epoch: written by a rebuild together with the booked set. Absent means Redis
 * never had, or lost, this show's state, so its booked set and locks cannot be trusted.
 */
export const showStateKey = (showId: string) => `show_state:{${showId}}`;

/** Hold ids are base64url, so they never contain the separator; user ids may. */
export const LOCK_OWNER_SEPARATOR = ":";
/** The value of a seat lock: who holds it, through which hold. Lua builds it in the prelude. */
export const lockOwner = (userId: string, holdId: string) => `${userId}${LOCK_OWNER_SEPARATOR}${holdId}`;
/**
 * A script as Redis runs it: Upstash's `allow-key-locking` shebang when configured (Upstash then
 * locks only the script's KEYS, so every key a script touches is in KEYS), the contract's
 * constants, the shared prelude (lua/prelude.lua), then the script's own body. Load-time
 * concatenation, so each script stays one EVALSHA.
 */
export const scriptText = (body: string, prelude: string, opts: { keyLocking: boolean }) =>
  `${opts.keyLocking ? `${KEY_LOCKING_SHEBANG}\n` : ""}local LOCK_OWNER_SEPARATOR = ${JSON.stringify(LOCK_OWNER_SEPARATOR)}\nlocal DONE_WHOLE_MEMBER = ${JSON.stringify(DONE_WHOLE_MEMBER)}\n${prelude}\n${body}`;
/** Upstash's script flag (docs: Redis, key locking); real Redis refuses it, the local bridge strips it. */
export const KEY_LOCKING_SHEBANG = "#!lua flags=allow-key-locking";

/** A seat lock as the locks hash keeps it (the prelude's `set_lock` writes the same). */
export const lockValue = (owner: string, expiresAtMs: number) => `${expiresAtMs}|${owner}`;
/** A locks-hash value read back: its owner and deadline. */
export function parseLockValue(value: string): { owner: string; expiresAtMs: number } {
  const bar = value.indexOf("|");
  return { owner: value.slice(bar + 1), expiresAtMs: Number(value.slice(0, bar)) };
}

/** The user behind a lock owner. */
export const userOfLockOwner = (owner: string) => owner.slice(0, owner.lastIndexOf(LOCK_OWNER_SEPARATOR));

/** How long a hold's record outlives its seat locks, so an expired hold answers 410, not 404. */
export const HOLD_RECORD_GRACE_MS = 3_600_000;
/**
 * How long a settled hold's tombstone stays: longer than any sane retry of its Idempotency-Key,
 * and than any payment window, so neither a retry nor a repair can bring the hold back.
 */
export const SETTLED_HOLD_TTL_MS = 86_400_000;

const holdBase = {
  holdId: z.string(),
  showId: z.string(),
  userId: z.string(),
  seatIds: z.array(z.string()).check(z.minLength(1)),
  quantity: z.number().check(z.int()),
  createdAt: z.string(),
  /** While HELD the hold's deadline; once ORDERED the order's payment deadline. */
  expiresAt: z.string(),
  expiresAtMs: z.number(),
  /** The payment deadline the hold's first order got: ordering it again never grants another (order-hold.lua). */
  paymentDeadline: z.optional(z.string()),
  paymentDeadlineMs: z.optional(z.number()),
};

export const heldRecordSchema = z.object({ ...holdBase, status: z.literal("HELD") });
export const orderedRecordSchema = z.object({
  ...holdBase,
  status: z.literal("ORDERED"),
  /** The order this hold became. */
  orderId: z.string(),
  /** The hold's own deadline, restored if the order cannot be written. */
  heldUntil: z.string(),
  heldUntilMs: z.number(),
});
/** What settling an order leaves: the hold can never be held, ordered or repaired again. */
export const settledRecordSchema = z.object({
  ...holdBase,
  status: z.literal("SETTLED"),
  orderId: z.string(),
  settledAs: z.enum(["BOOKED", "FREED"]),
});

/** A hold as Redis keeps it (`hold:` → JSON): HELD, then ORDERED, then a SETTLED tombstone. */
export const holdRecordSchema = z.discriminatedUnion("status", [
  heldRecordSchema,
  orderedRecordSchema,
  settledRecordSchema,
]);

export type HoldRecord = z.infer<typeof holdRecordSchema>;
export type HeldHoldRecord = z.infer<typeof heldRecordSchema>;
export type OrderedHoldRecord = z.infer<typeof orderedRecordSchema>;
export type SettledHoldRecord = z.infer<typeof settledRecordSchema>;

/** JSON text from Redis, parsed with a record schema: a malformed record is a bug, loudly. */
export const jsonOf = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: "custom", message: "not JSON", input: text });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );
const holdRecordJson = jsonOf(holdRecordSchema);
const orderedRecordJson = jsonOf(orderedRecordSchema);
const heldRecordJson = jsonOf(heldRecordSchema);

// Script replies: `[OUTCOME, ...details]`. Each outcome name is the same in the Lua, here and —
// where it surfaces — as the HTTP error code (test/unit/redis-contract.test.ts checks the Lua).
const only = <T extends string>(name: T) => z.tuple([z.literal(name)]);
const withSeats = <T extends string>(name: T) => z.tuple([z.literal(name)], z.string());
const count = z.pipe(z.string(), z.transform(Number));

export const replies = {
  hold: z.union([
    only("HELD"),
    z.tuple([z.literal("HOLD_EXISTS"), holdRecordJson]),
    only("SHOW_STATE_MISSING"),
    z.tuple([z.literal("HOLD_LIMIT"), count]),
    withSeats("SEAT_TAKEN"),
    /** The orphan rule: the seat the selection would leave alone. */
    z.tuple([z.literal("SEAT_STRANDED"), z.string()]),
    /** Over a live-seat budget: whose (PERSON or ADDRESS) and its size. */
    z.tuple([z.literal("SEAT_BUDGET"), z.enum(["PERSON", "ADDRESS"]), count]),
    /** The caller's admission to the show's on-sale ended early: they were done shopping. */
    only("ADMISSION_ENDED"),
    /** Redis lost the on-sale's ended admissions (onsale/redis-keys.ts: DONE_WHOLE_MEMBER): put them back, retry. */
    only("ENDED_ADMISSIONS_MISSING"),
  ]),
  /** Best available: the hold as written (its chosen seats), or what is possible instead. */
  holdBest: z.union([
    z.tuple([z.literal("HELD"), heldRecordJson]),
    z.tuple([z.literal("HOLD_EXISTS"), holdRecordJson]),
    only("SHOW_STATE_MISSING"),
    z.tuple([z.literal("HOLD_LIMIT"), count]),
    /** No block fits: the longest run of adjacent free seats, and the free seats in all. */
    z.tuple([z.literal("NO_BEST_SEATS"), count, count]),
    z.tuple([z.literal("SEAT_BUDGET"), z.enum(["PERSON", "ADDRESS"]), count]),
    only("ADMISSION_ENDED"),
    only("ENDED_ADMISSIONS_MISSING"),
  ]),
  change: z.union([
    /** The hold as it is now (its new seats). */
    z.tuple([z.literal("SWAPPED"), heldRecordJson]),
    only("HOLD_NOT_FOUND"),
    z.tuple([z.literal("HOLD_NOT_CHANGEABLE"), z.string()]),
    only("HOLD_EXPIRED"),
    only("SHOW_STATE_MISSING"),
    withSeats("SEAT_TAKEN"),
    z.tuple([z.literal("SEAT_STRANDED"), z.string()]),
    z.tuple([z.literal("SEAT_BUDGET"), z.enum(["PERSON", "ADDRESS"]), count]),
  ]),
  release: z.union([
    /** Locks freed, the hold's seat count, and whether the hold was still live (not lapsed). */
    z.tuple([z.literal("RELEASED"), count, count, z.enum(["LIVE", "LAPSED"])]),
    only("HOLD_NOT_FOUND"),
    z.tuple([z.literal("HOLD_NOT_CHANGEABLE"), z.string()]),
  ]),
  /** Booked seats and held seats (live locks), no owners: the seat map's shared part. */
  read: z.union([only("SHOW_STATE_MISSING"), z.tuple([z.literal("SEATS"), z.array(z.string()), z.array(z.string())])]),
  order: z.union([
    z.tuple([z.literal("ORDERED"), orderedRecordJson]),
    z.tuple([z.literal("ALREADY_ORDERED"), orderedRecordJson]),
    only("HOLD_NOT_FOUND"),
    only("HOLD_EXPIRED"),
    withSeats("SEAT_TAKEN"),
    /** The hold's seats are not the ones the caller named: these are its seats. */
    withSeats("HOLD_CHANGED"),
  ]),
  undoOrder: z.union([only("RESTORED"), only("RELEASED"), only("HOLD_NOT_FOUND"), only("MOVED_ON")]),
  settle: only("SETTLED"),
  /** A guest's hold handed to the account they signed in as (MOVED: how many seat locks moved). */
  moveOwner: z.union([
    z.tuple([z.literal("MOVED"), count]),
    only("ALREADY_MOVED"),
    only("HOLD_NOT_FOUND"),
    only("HOLD_EXPIRED"),
  ]),
  /** Booked seats added and removed, locks restored, budget entries charged again and freed. */
  rebuild: z.tuple([z.literal("REBUILT"), count, count, count, count, count]),
} as const;

export type ScriptName = keyof typeof replies;

/**
 * A hall row as the hold scripts take it in ARGV (lua/hall.lua: parse_row): its ordinal, its
 * weighted distance from the best row (domain/best-seats.ts: blockScore), its positions with an
 * empty field for an aisle or gap. Compact: a 10-seat row is about 35 bytes.
 */
export const hallRowArg = (row: { ordinal: number; seats: (string | null)[] }, dy = 0) =>
  `${row.ordinal}|${dy}|${row.seats.map((seat) => seat ?? "").join(",")}`;
