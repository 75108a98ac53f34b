import type { QueueView } from "@housefull/shared";
import { api, unwrap } from "../../../api/client";

export const onsaleKeys = { queue: (eventId: string) => ["onsale", "queue", eventId] as const };

/** POST /onsale/events/{eventId}/queue: join, or ask where we stand (the same call). */
export const pollQueue = (eventId: string): Promise<QueueView> =>
  unwrap(api.onsale.events[":eventId"].queue.$post({ param: { eventId } }));

/** DELETE /onsale/events/{eventId}/queue: leave the line, or end the admission (done shopping). */
export async function leaveQueue(eventId: string): Promise<void> {
  await api.onsale.events[":eventId"].queue.$delete({ param: { eventId } });
}
