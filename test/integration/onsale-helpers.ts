import { expect } from "vitest";
import type { OnsaleEvent, QueueView } from "../../src/shared/onsale";
import { as, json, type staff } from "./admin-helpers";
import { asUser, createShow, customer } from "./fixtures";
import { callSettled } from "./http";

export type Staff = Awaited<ReturnType<typeof staff>>;

/** A show of its own marked by staff as an on-sale event opening `opensInMs` from now (negative: open already). */
export async function onsaleShow(s: Staff, body: { opensInMs: number; admitPerSecond: number; maxActive: number }) {
  const showId = await createShow({ theatreId: s.theatreA });
  const opensAt = new Date(Date.now() + body.opensInMs).toISOString();
  const res = await as(s, "managerA", `/theatres/${s.theatreA}/shows/${showId}/onsale`, {
    method: "PUT",
    json: { opensAt, admitPerSecond: body.admitPerSecond, maxActive: body.maxActive },
  });
  const event = await json<OnsaleEvent>(res, 200);
  return { showId, event, opensAtMs: new Date(opensAt).getTime() };
}

/** POST /onsale/events/{eventId}/queue as `userId`: their place, or their admission. */
export const poll = async (eventId: string, userId: string): Promise<QueueView> => {
  const res = await callSettled(`/api/v1/onsale/events/${eventId}/queue`, { method: "POST", headers: asUser(userId) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as QueueView;
};

/** The Admission-Token header of an admitted visitor's view. */
export const withToken = (view: QueueView | string) => ({
  "Admission-Token": typeof view === "string" ? view : (view.admission?.token ?? ""),
});

/** POST /orders for `hold`, carrying the admission it was held with (an on-sale order names it). */
export const orderWith = (userId: string, hold: { holdId: string; seatIds: string[] }, token: string) =>
  callSettled("/api/v1/orders", {
    method: "POST",
    headers: { ...asUser(userId), ...withToken(token) },
    json: { holdId: hold.holdId, seatIds: hold.seatIds, customer },
  });
