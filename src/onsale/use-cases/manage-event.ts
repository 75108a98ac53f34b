import { showAt } from "../../admin/admin-store";
import type { StaffActor } from "../../admin/audit-log";
import { publishCatalogChange } from "../../catalog/catalog-version";
import type { OnsaleEvent, OnsaleEventBody } from "../../shared/onsale";
import { clearEvent, createEvent, findEvent } from "../event-store";
import { type OnsaleDeps, queueSettingsOf } from "./join-queue";

export type MarkOnsaleOutcome =
  | { outcome: "MARKED"; event: OnsaleEvent }
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "OPENS_TOO_LATE"; startTime: string };

type StaffInput = { actor: StaffActor; theatreId: string; showId: string };

/** Switches off the event the show sells in (every show of it), Postgres first, then its queue. */
async function switchOff(deps: OnsaleDeps, input: StaffInput, eventId: string): Promise<string[]> {
  const event = await findEvent(deps.db, eventId);
  if (!event) return [];
  const cleared = await clearEvent(deps.db, { ...input, event });
  await deps.waitingRoom.configure(eventId, undefined, { isNew: false });
  return cleared;
}

/**
 * Staff mark a show, or the movie's opening (its upcoming shows at this theatre), as an on-sale
 * event opening at `opensAt`: holds on them then need an admission from its waiting room. A show
 * already in an event leaves that one (switched off) for the new one.
 */
export async function markOnsale(
  deps: OnsaleDeps,
  input: StaffInput & { body: OnsaleEventBody },
): Promise<MarkOnsaleOutcome> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  const { show } = found;
  if (new Date(input.body.opensAt) >= new Date(show.startTime))
    return { outcome: "OPENS_TOO_LATE", startTime: new Date(show.startTime).toISOString() };
  const before = show.onsaleEventId ? await switchOff(deps, input, show.onsaleEventId) : [];
  const now = deps.clock.now();
  const event = await createEvent(deps.db, { ...input.body, show, now, actor: input.actor });
  await deps.waitingRoom.configure(event.eventId, queueSettingsOf(event, deps.config, now.getTime()), { isNew: true });
  await publishCatalogChange([...new Set([...before, ...event.showIds])]);
  return { outcome: "MARKED", event };
}

/** The show (and every show of its event) sells as any show again; nothing to do when it is in none. */
export async function unmarkOnsale(
  deps: OnsaleDeps,
  input: StaffInput,
): Promise<{ outcome: "UNMARKED" } | { outcome: "SHOW_NOT_FOUND" }> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  if (found.show.onsaleEventId) await publishCatalogChange(await switchOff(deps, input, found.show.onsaleEventId));
  return { outcome: "UNMARKED" };
}
