import type { Deps } from "../../deps";
import type { Config } from "../../env";
import type { OnsaleEvent, QueueView } from "../../shared/onsale";
import { signAdmission } from "../admission-token";
import { findEvent } from "../event-store";
import type { PollReply, QueueSettings, QueueStore } from "../queue-store";

export type OnsaleDeps = Deps & { waitingRoom: QueueStore };

/** How long an event's queue keys outlive its opening, or a visitor's last arrival. */
export const EVENT_KEYS_TTL_MS = 2 * 86_400_000;

/** The event's waiting room as Redis keeps it, from its row. */
export const queueSettingsOf = (event: OnsaleEvent, config: Config, nowMs: number): QueueSettings => {
  const opensAtMs = new Date(event.opensAt).getTime();
  return {
    opensAtMs,
    perSecond: event.admitPerSecond,
    maxActive: event.maxActive,
    windowMs: config.ONSALE_ADMISSION_SECONDS * 1000,
    ttlMs: Math.max(opensAtMs - nowMs, 0) + EVENT_KEYS_TTL_MS,
  };
};

export type JoinQueueOutcome = { outcome: "QUEUE"; view: QueueView } | { outcome: "EVENT_NOT_FOUND" };

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, Math.ceil(n)));

/**
 * About how long until `place` is admitted: at the admission rate while the shopper cap has room,
 * then as fast as admitted shoppers' windows end (an upper estimate: most finish sooner).
 */
export function estimatedWaitSeconds(q: Extract<PollReply, { state: "QUEUED" }>): number {
  const free = Math.max(q.maxActive - q.active, 0);
  if (q.place <= free) return Math.ceil(q.place / q.perSecond);
  const steady = Math.min(q.perSecond, q.maxActive / (q.windowMs / 1000));
  return Math.ceil(free / q.perSecond + (q.place - free) / steady);
}

type Answered = Exclude<PollReply, { state: "EVENT_UNKNOWN" }>;

async function viewOf(
  deps: OnsaleDeps,
  eventId: string,
  userId: string,
  reply: Answered,
  nowMs: number,
): Promise<QueueView> {
  switch (reply.state) {
    case "PRE_QUEUE": {
      const opensAt = new Date(reply.opensAtMs).toISOString();
      const pollAfterSeconds = clamp((reply.opensAtMs - nowMs) / 1000, 1, 10);
      return { eventId, state: reply.state, opensAt, waiting: reply.waiting, pollAfterSeconds };
    }
    case "QUEUED": {
      const wait = estimatedWaitSeconds(reply);
      return {
        eventId,
        state: reply.state,
        place: reply.place,
        estimatedWaitSeconds: wait,
        pollAfterSeconds: clamp(wait / 10, 2, 10),
      };
    }
    case "ADMITTED": {
      const token = await signAdmission(deps.config, { eventId, userId, expiresAtMs: reply.untilMs });
      const admission = { token, expiresAt: new Date(reply.untilMs).toISOString() };
      return { eventId, state: reply.state, admission, pollAfterSeconds: 30 };
    }
  }
}

/**
 * Join the event's waiting room, or ask where one stands: one Redis call (the queue script admits
 * whoever is due). Only when Redis has no settings for the event (first visitor, or Redis lost
 * them) is the event read from Postgres and configured, then asked again.
 */
export async function joinQueue(
  deps: OnsaleDeps,
  input: { eventId: string; userId: string },
): Promise<JoinQueueOutcome> {
  const { eventId, userId } = input;
  const nowMs = deps.clock.now().getTime();
  let reply = await deps.waitingRoom.poll(eventId, userId, nowMs, EVENT_KEYS_TTL_MS);
  if (reply.state === "EVENT_UNKNOWN") {
    const event = await findEvent(deps.db, eventId);
    if (!event || event.showIds.length === 0) return { outcome: "EVENT_NOT_FOUND" };
    // Redis lost the event: what else it lost (the done set) the first hold finds and puts back.
    await deps.waitingRoom.configure(eventId, queueSettingsOf(event, deps.config, nowMs), { isNew: false });
    reply = await deps.waitingRoom.poll(eventId, userId, nowMs, EVENT_KEYS_TTL_MS);
    if (reply.state === "EVENT_UNKNOWN") return { outcome: "EVENT_NOT_FOUND" };
  }
  return { outcome: "QUEUE", view: await viewOf(deps, eventId, userId, reply, nowMs) };
}

/** How many waiting rooms a sign-in may name: a browser is in few at once. */
export const MAX_CLAIMED_EVENTS = 20;

/**
 * A guest who signed in keeps their place in each waiting room the browser names (it is the only
 * place that knows them), or their admission: the account stands where the guest stood, and polls
 * for an admission bound to itself; the guest's admission ends (one person, one admission). One
 * round trip per event, all at once.
 */
export async function moveGuestPlaces(
  deps: OnsaleDeps,
  input: { guestId: string; userId: string; eventIds: string[] },
): Promise<void> {
  const move = {
    guestId: input.guestId,
    userId: input.userId,
    nowMs: deps.clock.now().getTime(),
    windowMs: deps.config.ONSALE_ADMISSION_SECONDS * 1000,
  };
  // At most MAX_CLAIMED_EVENTS (the claim's schema); a repeat moves nothing the second time.
  await Promise.all(input.eventIds.map((eventId) => deps.waitingRoom.move(eventId, move)));
}

/**
 * The visitor leaves the line, or is done shopping: their admission frees for the next, and its
 * token admits no new hold (buying more means queueing again).
 */
export async function leaveQueue(deps: OnsaleDeps, input: { eventId: string; userId: string }): Promise<void> {
  const nowMs = deps.clock.now().getTime();
  await deps.waitingRoom.leave(input.eventId, input.userId, nowMs, deps.config.ONSALE_ADMISSION_SECONDS * 1000);
}
