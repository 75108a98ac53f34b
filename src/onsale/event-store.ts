import { recordStaffAction, type StaffActor } from "../admin/audit-log";
import type { Database } from "../db/client";
import { and, eq, gt, isNotNull, ne, or, sql } from "../db/drizzle";
import { onsaleEvents, orders, shows } from "../db/schema";
import type { OnsaleEvent } from "../shared/onsale";

/** The event and the shows that sell through it (none: switched off). */
export async function findEvent(db: Database, eventId: string): Promise<OnsaleEvent | undefined> {
  const rows = await db
    .select({ event: onsaleEvents, showId: shows.id })
    .from(onsaleEvents)
    .leftJoin(shows, eq(shows.onsaleEventId, onsaleEvents.id))
    .where(eq(onsaleEvents.id, eventId));
  const first = rows[0];
  if (!first) return undefined;
  return { eventId: first.event.id, ...settingsOf(first.event), showIds: rows.flatMap((r) => r.showId ?? []) };
}

/**
 * A new event for `show` — or, for a movie's opening, for every upcoming live show of its movie at
 * its theatre — in one transaction with the staff audit row.
 * A show already in another event moves to this one.
 */
export async function createEvent(
  db: Database,
  input: {
    show: { id: string; theatreId: string; movieId: string };
    opensAt: string;
    admitPerSecond: number;
    maxActive: number;
    wholeOpening: boolean;
    now: Date;
    actor: StaffActor;
  },
): Promise<OnsaleEvent> {
  const eventId = crypto.randomUUID();
  const { show } = input;
  const opening = and(
    eq(shows.movieId, show.movieId),
    eq(shows.theatreId, show.theatreId),
    gt(shows.startTime, input.now.toISOString()),
    ne(shows.status, "CANCELLED"),
  );
  const [, assigned] = await db.batch([
    db.insert(onsaleEvents).values({
      id: eventId,
      theatreId: show.theatreId,
      opensAt: input.opensAt,
      admitPerSecond: input.admitPerSecond,
      maxActive: input.maxActive,
    }),
    db
      .update(shows)
      .set({ onsaleEventId: eventId })
      .where(input.wholeOpening ? or(eq(shows.id, show.id), opening) : eq(shows.id, show.id))
      .returning({ id: shows.id }),
    auditOnsaleSwitch(db, { ...input, theatreId: show.theatreId, showId: show.id }, "on", {
      after: { eventId, ...settingsOf(input) },
    }),
  ]);
  return { eventId, ...settingsOf(input), showIds: assigned.map((r) => r.id) };
}

const settingsOf = (input: { opensAt: string; admitPerSecond: number; maxActive: number }) => ({
  opensAt: new Date(input.opensAt).toISOString(),
  admitPerSecond: input.admitPerSecond,
  maxActive: input.maxActive,
});

/** Switches the event off: its shows sell as any show again. */
export async function clearEvent(
  db: Database,
  input: { event: OnsaleEvent; showId: string; theatreId: string; actor: StaffActor },
): Promise<string[]> {
  const { event } = input;
  const [cleared] = await db.batch([
    db
      .update(shows)
      .set({ onsaleEventId: null })
      .where(eq(shows.onsaleEventId, event.eventId))
      .returning({ id: shows.id }),
    auditOnsaleSwitch(db, input, "off", { before: event }),
  ]);
  return cleared.map((r) => r.id);
}

/** The audit row of switching a show's on-sale on or off, batched with the change itself. */
const auditOnsaleSwitch = (
  db: Database,
  at: { actor: StaffActor; theatreId: string; showId: string },
  to: "on" | "off",
  change: { before?: unknown; after?: unknown },
) =>
  recordStaffAction(db, {
    actor: at.actor,
    theatreId: at.theatreId,
    action: `show.onsale_${to}`,
    target: { type: "show", id: at.showId },
    ...change,
  });

/**
 * The admissions paid orders were bought with, while their tokens could still admit (end ahead):
 * of every event, or of `eventId`'s.
 */
export async function endedAdmissions(
  db: Database,
  eventId?: string,
): Promise<{ eventId: string; visitor: string; untilMs: number }[]> {
  const rows = await db
    .select({ eventId: orders.admissionEventId, visitor: orders.userId, until: orders.admissionUntil })
    .from(orders)
    .where(
      and(
        eq(orders.status, "CONFIRMED"),
        eventId ? eq(orders.admissionEventId, eventId) : isNotNull(orders.admissionEventId),
        gt(orders.admissionUntil, sql`now()`),
      ),
    );
  return rows.flatMap((r) =>
    r.eventId && r.until ? [{ eventId: r.eventId, visitor: r.visitor, untilMs: new Date(r.until).getTime() }] : [],
  );
}
