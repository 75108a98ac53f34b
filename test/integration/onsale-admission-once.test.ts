// An admission is for one purchase (issue 15). Redis says so in the hold script (the event's ended
// admissions); Postgres, the source of truth, says so too, so that losing that Redis key (a flush,
// a failover) lets no admission buy twice, and the cron puts the key back from the paid orders.

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { eq } from "../../src/db/drizzle";
import { orders } from "../../src/db/schema";
import { configOf } from "../../src/env";
import { signAdmission } from "../../src/onsale/admission-token";
import { DONE_WHOLE_MEMBER, eventDoneKey, eventKeys } from "../../src/onsale/redis-keys";
import { staff } from "./admin-helpers";
import { db, type Hold, locksOf, newUser, type Order, postHold, redis, runCron } from "./fixtures";
import { backendCalls, errorOf } from "./http";
import { onsaleShow, orderWith, poll, withToken } from "./onsale-helpers";
import { payAndRead } from "./payments";

async function held(res: Response): Promise<Hold> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Hold;
}

const ordersOfHold = (holdId: string) => db().select({ id: orders.id }).from(orders).where(eq(orders.holdId, holdId));

describe("an admission buys once, whatever Redis forgot", () => {
  it("paid, then the ended admissions lost in Redis: the same token's next hold finds the set lost, puts it back from Postgres and is refused (403 ENDED), before any cron", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const buyer = newUser("buyer");
    const admitted = await poll(event.eventId, buyer);
    expect(admitted.state).toBe("ADMITTED");
    const token = admitted.admission?.token ?? "";
    // A new event's done set is whole from the start (nothing to put back before its first hold).
    expect(await redis().zscore(eventDoneKey(event.eventId), DONE_WHOLE_MEMBER)).not.toBeNull();
    const first = await held(await postHold(buyer, showId, ["C1", "C2"], withToken(token)));
    const ordered = await orderWith(buyer, first, token);
    expect(ordered.status, await ordered.clone().text()).toBe(201);
    // A retried POST /orders of the same hold is the same order, not a second one of the admission.
    expect((await orderWith(buyer, first, token)).status).toBe(200);
    expect((await payAndRead(buyer, ((await ordered.json()) as Order).orderId)).status).toBe("CONFIRMED");

    // Redis loses the event's ended admissions: the hold script tells the key is gone (not just
    // empty), so the hold puts it back from Postgres's paid orders and is refused, before the cron.
    await redis().del(eventDoneKey(event.eventId));
    const lost = await postHold(buyer, showId, ["D1", "D2"], withToken(token));
    expect(lost.status).toBe(403);
    expect(await errorOf(lost)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED", eventId: event.eventId });
    expect((await locksOf(showId)).has("D1")).toBe(false);
    expect(await redis().zscore(eventDoneKey(event.eventId), buyer)).not.toBeNull();
    // Put back once: the next hold of the event is one round trip again.
    const again = await postHold(buyer, showId, ["D1"], withToken(token));
    expect(await errorOf(again)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED" });
    expect(backendCalls(again).redis).toBe(1);
    const other = newUser("other");
    const othersToken = (await poll(event.eventId, other)).admission?.token ?? "";
    const othersHold = await postHold(other, showId, ["D5"], withToken(othersToken));
    expect(othersHold.status).toBe(201);
    expect(backendCalls(othersHold).redis).toBe(1);
  });

  it("Redis lost the whole event: the next poll configures it again, and the next hold still finds the ended admissions lost and puts them back", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const buyer = newUser("buyer");
    const token = (await poll(event.eventId, buyer)).admission?.token ?? "";
    const first = await held(await postHold(buyer, showId, ["H1"], withToken(token)));
    const ordered = await orderWith(buyer, first, token);
    expect((await payAndRead(buyer, ((await ordered.json()) as Order).orderId)).status).toBe("CONFIRMED");
    await redis().del(...eventKeys(event.eventId));
    expect((await poll(event.eventId, newUser("next"))).state).toBe("ADMITTED");
    const spent = await postHold(buyer, showId, ["H3"], withToken(token));
    expect(await errorOf(spent)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED" });
    expect((await locksOf(showId)).has("H3")).toBe(false);
  });

  it("a paid admission whose ended-admission record Redis lost after the hold: its next order is refused by Postgres (403 ENDED, nothing written), and the cron restores the key", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const buyer = newUser("buyer");
    const token = (await poll(event.eventId, buyer)).admission?.token ?? "";
    const first = await held(await postHold(buyer, showId, ["C1", "C2"], withToken(token)));
    // A second hold of the same admission, made before the first was paid.
    const second = await held(await postHold(buyer, showId, ["D1", "D2"], withToken(token)));
    const ordered = await orderWith(buyer, first, token);
    expect(ordered.status, await ordered.clone().text()).toBe(201);
    expect((await payAndRead(buyer, ((await ordered.json()) as Order).orderId)).status).toBe("CONFIRMED");
    await redis().del(eventDoneKey(event.eventId));
    const refused = await orderWith(buyer, second, token);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: "ADMISSION_REFUSED",
      reason: "ENDED",
      eventId: event.eventId,
    });
    expect(await ordersOfHold(second.holdId)).toEqual([]);
    // The claim on the seats is let go: they are free for the next shopper at once.
    const locks = await locksOf(showId);
    expect(locks.has("D1") || locks.has("D2")).toBe(false);

    await runCron();
    expect(await redis().zscore(eventDoneKey(event.eventId), buyer)).not.toBeNull();
    const after = await postHold(buyer, showId, ["E1"], withToken(token));
    expect(after.status).toBe(403);
    expect(await errorOf(after)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED" });
    expect(backendCalls(after).redis).toBe(1);
  });

  it("two holds of one admission ordered at once: one order, the other 403 ENDED with its seats let go", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const shopper = newUser("twice");
    const token = (await poll(event.eventId, shopper)).admission?.token ?? "";
    const a = await held(await postHold(shopper, showId, ["F1"], withToken(token)));
    const b = await held(await postHold(shopper, showId, ["F3"], withToken(token)));
    const answers = await Promise.all([orderWith(shopper, a, token), orderWith(shopper, b, token)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 403]);
    const loser = answers[0]?.status === 403 ? a : b;
    expect(await errorOf(answers.find((r) => r.status === 403) as Response)).toMatchObject({ reason: "ENDED" });
    expect(await ordersOfHold(loser.holdId)).toEqual([]);
    expect((await locksOf(showId)).has(loser.seatIds[0] ?? "")).toBe(false);
  });

  it("an on-sale order names its admission: none is 403 REQUIRED, another's NOT_YOURS; a genuine one past its window still orders its hold", async () => {
    const s = await staff();
    const { showId, event } = await onsaleShow(s, { opensInMs: -1_000, admitPerSecond: 100, maxActive: 100 });
    const [shopper, other] = [newUser("shopper"), newUser("other")];
    const token = (await poll(event.eventId, shopper)).admission?.token ?? "";
    const hold = await held(await postHold(shopper, showId, ["G1"], withToken(token)));
    const missing = await orderWith(shopper, hold, "");
    expect(await errorOf(missing)).toMatchObject({ code: "ADMISSION_REQUIRED", eventId: event.eventId });
    const othersToken = (await poll(event.eventId, other)).admission?.token ?? "";
    const notYours = await orderWith(shopper, hold, othersToken);
    expect(notYours.status).toBe(403);
    expect(await errorOf(notYours)).toMatchObject({ code: "ADMISSION_REFUSED", reason: "NOT_YOURS" });
    expect(await ordersOfHold(hold.holdId)).toEqual([]);
    // The admission window ended while the hold still stands: the hold may still become its order.
    const lapsed = await signAdmission(configOf(env), {
      eventId: event.eventId,
      userId: shopper,
      expiresAtMs: Date.now() - 1,
    });
    expect((await orderWith(shopper, hold, lapsed)).status).toBe(201);
  });
});
