import * as z from "zod";

/**
 * The one owner of what the seat fast path keeps in Redis (docs: Redis): keys, the lock-owner
 * format, the hold record and every script's reply. Lua, TypeScript and SQL-fed repairs all go
 * through here, so a name means one thing everywhere.
 *
 * Every key of a show carries the `{showId}` hash tag, so one script's keys always live in one
 * cluster slot and Upstash can lock just those keys.
 */
export const seatLockKey = (showId: string, seatId: string) => `seat_lock:{${showId}}:${seatId}`;
export const holdKey = (showId: string, holdId: string) => `hold:{${showId}}:${holdId}`;
export const bookedSeatsKey = (showId: string) => `booked:{${showId}}`;
/** The user's active holds on the show (sorted by expiry), for the per-user hold limit. */
export const userHoldsKey = (showId: string, userId: string) => `user_holds:{${showId}}:${userId}`;
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
 * A script as Redis runs it: the contract's constants, the shared prelude (lua/prelude.lua), then
 * the script's own body. Load-time concatenation, so each script stays one EVALSHA.
 */
export const withPrelude = (prelude: string, body: string) =>
  `local LOCK_OWNER_SEPARATOR = ${JSON.stringify(LOCK_OWNER_SEPARATOR)}\n${prelude}\n${body}`;

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
  seatIds: z.array(z.string()).min(1),
  quantity: z.number().int(),
  createdAt: z.string(),
  /** While HELD the hold's deadline; once ORDERED the order's payment deadline. */
  expiresAt: z.string(),
  expiresAtMs: z.number(),
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
export const jsonOf = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
const holdRecordJson = jsonOf(holdRecordSchema);
const orderedRecordJson = jsonOf(orderedRecordSchema);

// Script replies: `[OUTCOME, ...details]`. Each outcome name is the same in the Lua, here and —
// where it surfaces — as the HTTP error code (test/unit/redis-contract.test.ts checks the Lua).
const only = <T extends string>(name: T) => z.tuple([z.literal(name)]);
const withSeats = <T extends string>(name: T) => z.tuple([z.literal(name)]).rest(z.string());
const count = z.string().transform(Number);

export const replies = {
  hold: z.union([
    only("HELD"),
    z.tuple([z.literal("HOLD_EXISTS"), holdRecordJson]),
    only("SHOW_STATE_MISSING"),
    z.tuple([z.literal("HOLD_LIMIT"), count]),
    withSeats("SEAT_TAKEN"),
  ]),
  change: z.union([
    only("SWAPPED"),
    only("HOLD_NOT_FOUND"),
    z.tuple([z.literal("HOLD_NOT_CHANGEABLE"), z.string()]),
    only("HOLD_CHANGED"),
    only("HOLD_EXPIRED"),
    only("SHOW_STATE_MISSING"),
    withSeats("SEAT_TAKEN"),
  ]),
  release: z.union([
    z.tuple([z.literal("RELEASED"), count]),
    only("HOLD_NOT_FOUND"),
    z.tuple([z.literal("HOLD_NOT_CHANGEABLE"), z.string()]),
    only("HOLD_CHANGED"),
  ]),
  read: z.union([
    only("SHOW_STATE_MISSING"),
    z.tuple([z.literal("SEATS"), z.array(z.string()), z.array(z.string().nullable())]),
  ]),
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
  rebuild: z.tuple([z.literal("REBUILT"), count, count, count]),
} as const;

export type ScriptName = keyof typeof replies;
