import * as z from "zod/mini";

/**
 * The one owner of what the waiting room keeps in Redis (as src/seats/redis-contract.ts is the
 * seats'): keys and every script's reply. Every key of an event carries the `{onsale:<eventId>}`
 * hash tag, so a queue script's keys live in one cluster slot and Upstash locks only those.
 */
const tag = (eventId: string) => `onsale:{${eventId}}`;
/** The event as the scripts read it (hash): opensAtMs, perSecond, maxActive, windowMs. */
export const eventConfigKey = (eventId: string) => `${tag(eventId)}:config`;
/**
 * The line (zset, visitor → place): a pre-queue arrival's place is a random draw in [0, 1), a
 * later arrival's is 1 + its arrival number, so the draw orders everyone who came before opening
 * and all of them go before anyone who came after.
 */
export const eventLineKey = (eventId: string) => `${tag(eventId)}:line`;
/**
 * Counters (hash): arrivals after opening, admitted so far, and the admission credit (a bucket of
 * at most one second's worth, queue-poll.lua) with the time it was counted up to.
 */
export const eventCountersKey = (eventId: string) => `${tag(eventId)}:counters`;
/** Admitted shoppers (zset, visitor → end of their admission, ms): the cap counts the live ones. */
export const eventActiveKey = (eventId: string) => `${tag(eventId)}:active`;

/**
 * Admissions that ended early (zset, visitor → a bound above the deadline of every token they were
 * given so far): done shopping — they left, or bought (src/seats/lua/settle-order-seats.lua). The
 * hold scripts refuse a token whose deadline is at or below it, so a finished shopper's token
 * admits no new hold; queueing again earns a later admission, which it leaves alone.
 */
export const eventDoneKey = (eventId: string) => `${tag(eventId)}:done`;

/**
 * The done set's own member (score +inf, never trimmed) that says it is whole: written with a new
 * event (nothing has ended yet) or when the set is put back from Postgres's paid orders. A done set
 * without it was lost (a flush, an eviction, a failover; Redis drops an empty zset, so "lost" and
 * "nobody done" look alike otherwise): the hold scripts refuse to judge a token by it
 * (ENDED_ADMISSIONS_MISSING) and the hold puts it back first (onsale/use-cases/restore-ended-admissions.ts).
 * No visitor is named so (user ids never start with '#').
 */
export const DONE_WHOLE_MEMBER = "#whole";

export const eventKeys = (eventId: string) => [
  eventConfigKey(eventId),
  eventLineKey(eventId),
  eventCountersKey(eventId),
  eventActiveKey(eventId),
  eventDoneKey(eventId),
];

const count = z.pipe(z.string(), z.transform(Number));
const only = <T extends string>(name: T) => z.tuple([z.literal(name)]);

export const queueReplies = {
  poll: z.union([
    /** Redis has no configuration for the event (never had, or lost it): configure, then retry. */
    only("EVENT_UNKNOWN"),
    /** Before opening: how many are in the pre-queue, and when it opens (ms). */
    z.tuple([z.literal("PRE_QUEUE"), count, count]),
    /** In line: place (1 = next), the event's rate, cap and window (ms), shoppers admitted now. */
    z.tuple([z.literal("QUEUED"), count, count, count, count, count]),
    /** Admitted until (ms). */
    z.tuple([z.literal("ADMITTED"), count]),
  ]),
  leave: only("LEFT"),
  /** A guest's place or admission became the account's; or the guest had none. */
  move: z.union([only("MOVED"), only("NOT_IN_LINE")]),
  configure: only("CONFIGURED"),
  /** The cron put back this many ended admissions Redis had lost. */
  restoreEnded: z.tuple([z.literal("RESTORED"), count]),
} as const;

export type QueueScriptName = keyof typeof queueReplies;
