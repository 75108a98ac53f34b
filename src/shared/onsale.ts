import * as z from "zod/mini";

/** The waiting room as the worker answers it and the web shows it (issue 15); the admission's header is ./admission-header.ts. */
export const queueViewSchema = z.object({
  eventId: z.uuid(),
  /** PRE_QUEUE: before opening (places are drawn, arrival order gives no edge); QUEUED: in line; ADMITTED: shop now. */
  state: z.enum(["PRE_QUEUE", "QUEUED", "ADMITTED"]),
  opensAt: z.optional(z.iso.datetime()),
  /** PRE_QUEUE: how many are waiting for the opening. */
  waiting: z.optional(z.number().check(z.int())),
  /** QUEUED: 1 is next. */
  place: z.optional(z.number().check(z.int())),
  /** QUEUED: at the event's admission rate and shopper cap, about this long (an upper estimate). */
  estimatedWaitSeconds: z.optional(z.number().check(z.int())),
  /** ADMITTED: send `token` as the Admission-Token header with POST /holds until `expiresAt`. */
  admission: z.optional(z.object({ token: z.string(), expiresAt: z.iso.datetime() })),
  /** Ask again after this long (the page polls itself). */
  pollAfterSeconds: z.number().check(z.int()),
});
export type QueueView = z.infer<typeof queueViewSchema>;

export const onsaleEventBody = z.object({
  opensAt: z.iso.datetime({ offset: true }),
  admitPerSecond: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
  maxActive: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
  /** The movie's opening: every upcoming show of the movie at this theatre, not only this one. */
  wholeOpening: z._default(z.boolean(), false),
});
export type OnsaleEventBody = z.infer<typeof onsaleEventBody>;

export const onsaleEventSchema = z.object({
  eventId: z.uuid(),
  opensAt: z.iso.datetime({ offset: true }),
  admitPerSecond: z.number().check(z.int()),
  maxActive: z.number().check(z.int()),
  showIds: z.array(z.uuid()),
});
export type OnsaleEvent = z.infer<typeof onsaleEventSchema>;
