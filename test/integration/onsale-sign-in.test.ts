// A guest in an on-sale's waiting room who signs in keeps their place, or their admission (issue
// 15: the admission is bound to an identity, and signing in changes the identity): through POST
// /auth/claim-guest as the web UI calls it, naming the waiting rooms the browser stands in.

import { describe, expect, it } from "vitest";
import type { OnsaleEvent, QueueView } from "../../src/shared/onsale";
import { clientIp, Jar, signInByEmail } from "./accounts-helpers";
import { as, json, staff } from "./admin-helpers";
import { asUser, createShow, newUser } from "./fixtures";
import { call, callSettled, errorOf } from "./http";

async function newGuest(): Promise<{ token: string; userId: string }> {
  const res = await call("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": clientIp() } });
  return (await res.json()) as { token: string; userId: string };
}

const poll = async (eventId: string, headers: Record<string, string>): Promise<QueueView> => {
  const res = await callSettled(`/api/v1/onsale/events/${eventId}/queue`, { method: "POST", headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as QueueView;
};

const holdWith = (headers: Record<string, string>, showId: string, seat: string, admission?: string) =>
  call("/api/v1/holds", {
    method: "POST",
    headers: { ...headers, ...(admission ? { "Admission-Token": admission } : {}) },
    json: { showId, seatIds: [seat], quantity: 1 },
  });

/** A show selling through a waiting room already open, one shopper at a time. */
async function openOnsale() {
  const s = await staff();
  const showId = await createShow({ theatreId: s.theatreA });
  const res = await as(s, "managerA", `/theatres/${s.theatreA}/shows/${showId}/onsale`, {
    method: "PUT",
    json: { opensAt: new Date(Date.now() + 300).toISOString(), admitPerSecond: 50, maxActive: 1 },
  });
  const event = await json<OnsaleEvent>(res, 200);
  await new Promise((r) => setTimeout(r, 400));
  return { showId, eventId: event.eventId };
}

describe("a guest in a waiting room signs in", () => {
  it("keeps their place in line: the account stands where the guest stood, then is admitted as itself", async () => {
    const { showId, eventId } = await openOnsale();
    const shopper = newUser("shopper");
    expect((await poll(eventId, asUser(shopper))).state).toBe("ADMITTED");
    const guest = await newGuest();
    const asGuest = { authorization: `Bearer ${guest.token}` };
    expect(await poll(eventId, asGuest)).toMatchObject({ state: "QUEUED", place: 1 });
    const later = newUser("later");
    expect(await poll(eventId, asUser(later))).toMatchObject({ state: "QUEUED", place: 2 });

    const jar = new Jar();
    const { userId } = await signInByEmail(jar, `queued.${crypto.randomUUID().slice(0, 8)}@example.com`);
    const claimed = await jar.call("/api/v1/auth/claim-guest", {
      method: "POST",
      json: { guestToken: guest.token, holdIds: [], onsaleEventIds: [eventId] },
    });
    expect(claimed.status).toBe(200);
    // Not behind `later`: the guest's place is the account's (and no longer the guest's).
    expect(await poll(eventId, asUser(userId))).toMatchObject({ state: "QUEUED", place: 1 });
    expect(await poll(eventId, asUser(later))).toMatchObject({ state: "QUEUED", place: 2 });

    // The shopper is done: the account goes in next, with an admission that is its own.
    expect(
      (await callSettled(`/api/v1/onsale/events/${eventId}/queue`, { method: "DELETE", headers: asUser(shopper) }))
        .status,
    ).toBe(204);
    const admitted = await poll(eventId, asUser(userId));
    expect(admitted.state).toBe("ADMITTED");
    expect((await holdWith(asUser(userId), showId, "A1", admitted.admission?.token)).status).toBe(201);
  });

  it("keeps an admission: the account is admitted at once (the guest's token is not the account's)", async () => {
    const { showId, eventId } = await openOnsale();
    const guest = await newGuest();
    const asGuest = { authorization: `Bearer ${guest.token}` };
    const asGuestAdmitted = await poll(eventId, asGuest);
    expect(asGuestAdmitted.state).toBe("ADMITTED");
    const waiting = newUser("waiting");
    expect(await poll(eventId, asUser(waiting))).toMatchObject({ state: "QUEUED", place: 1 });

    const jar = new Jar();
    const { userId } = await signInByEmail(jar, `admitted.${crypto.randomUUID().slice(0, 8)}@example.com`);
    const claim = () =>
      jar.call("/api/v1/auth/claim-guest", {
        method: "POST",
        json: { guestToken: guest.token, onsaleEventIds: [eventId] },
      });
    expect((await claim()).status).toBe(200);
    const refused = await holdWith(asUser(userId), showId, "B1", asGuestAdmitted.admission?.token);
    expect(refused.status).toBe(403);
    // One person, one admission: the guest identity's ended with the move, so its token, replayed
    // by the guest session beside the account's, admits no hold.
    const replayed = await holdWith(asGuest, showId, "B2", asGuestAdmitted.admission?.token);
    expect(replayed.status).toBe(403);
    expect(await errorOf(replayed)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED", eventId });
    const mine = await poll(eventId, asUser(userId));
    expect(mine.state).toBe("ADMITTED");
    expect(mine.admission?.expiresAt).toBe(asGuestAdmitted.admission?.expiresAt); // the same window, not a new one
    expect((await holdWith(asUser(userId), showId, "B1", mine.admission?.token)).status).toBe(201);
    // The cap of one is still the account's: the waiting visitor is not let in beside it.
    expect(await poll(eventId, asUser(waiting))).toMatchObject({ state: "QUEUED", place: 1 });
    expect((await claim()).status).toBe(200); // a repeat moves nothing
    expect(await poll(eventId, asUser(waiting))).toMatchObject({ state: "QUEUED", place: 1 });
  });
});
