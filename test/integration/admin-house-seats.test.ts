// House seats (docs/API.md: Back office, house seats): kept off online sale in Postgres first,
// shown BOOKED to customers, never holdable — not by a crafted POST /holds, not after Redis loses
// the show, not even when Redis forgets the seat (the order's primary key refuses it).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { houseSeats, orderSeats } from "../../src/db/schema";
import { bookedSeatsKey, showStateKey } from "../../src/seats/redis-contract";
import { as, auditOf, showAt, showPath } from "./admin-ops-fixtures";
import { db, newUser, placeOrder, postHold, postOrder, redis, runCron, seatMap, statesOf } from "./fixtures";
import { errorOf } from "./http";

const block = (showId: string, seatIds: string[], reason = "VIP", note?: string) =>
  as("managerA", showPath(showId, "house-seats"), { method: "POST", json: { seatIds, reason, note } });
const unblock = (showId: string, seatIds: string[]) =>
  as("managerA", showPath(showId, "house-seats/unblock"), { method: "POST", json: { seatIds } });

describe("house seats", () => {
  it("are shown BOOKED to customers and refused to any hold, and the audit log has the block", async () => {
    const showId = await showAt("A");
    const res = await block(showId, ["A2", "A1"], "PRESS", "Critics' row");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { houseSeats: { seatId: string; reason: string; note: string }[] };
    expect(body.houseSeats.map((s) => [s.seatId, s.reason, s.note])).toEqual([
      ["A1", "PRESS", "Critics' row"],
      ["A2", "PRESS", "Critics' row"],
    ]);

    const states = statesOf(await seatMap(showId));
    expect(states.get("A1")?.state).toBe("BOOKED");
    expect(states.get("A2")?.state).toBe("BOOKED");
    expect(states.get("A3")?.state).toBe("AVAILABLE");

    const user = newUser("house");
    const crafted = await postHold(user, showId, ["A3", "A2"]);
    expect(crafted.status).toBe(409);
    expect(await errorOf(crafted)).toMatchObject({ code: "SEAT_TAKEN", seats: ["A2"] });
    expect((await postHold(user, showId, ["A3"])).status).toBe(201);

    const [audit] = await auditOf(showId);
    expect(audit).toMatchObject({
      action: "house_seats.block",
      role: "theatre_manager",
      after: { seatIds: ["A1", "A2"], reason: "PRESS", note: "Critics' row" },
    });
  });

  it("stay unsellable when Redis loses the show: the hold rebuilds from Postgres and still refuses", async () => {
    const showId = await showAt("A");
    expect((await block(showId, ["J9", "J10"], "BROKEN")).status).toBe(200);
    await redis().del(bookedSeatsKey(showId), showStateKey(showId));

    const res = await postHold(newUser("house-lost"), showId, ["J10"]);
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "SEAT_TAKEN", seats: ["J10"] });
    expect(await redis().sismember(bookedSeatsKey(showId), "J9")).toBe(1);
  });

  it("cannot be ordered even when Redis forgot the seat alone: the order_seats key refuses, the cron puts it back", async () => {
    const showId = await showAt("A");
    expect((await block(showId, ["E5"])).status).toBe(200);
    await redis().srem(bookedSeatsKey(showId), "E5");
    const user = newUser("house-forgot");
    const hold = await postHold(user, showId, ["E5"]);
    expect(hold.status).toBe(201); // Redis alone would sell it…
    const { holdId } = (await hold.json()) as { holdId: string };
    const order = await postOrder(user, holdId);
    expect(order.status).toBe(409); // …Postgres does not.
    expect(await errorOf(order)).toMatchObject({ code: "SEAT_TAKEN" });
    const rows = await db()
      .select()
      .from(orderSeats)
      .where(and(eq(orderSeats.showId, showId), eq(orderSeats.seatId, "E5")));
    expect(rows).toEqual([expect.objectContaining({ orderId: null, houseSeatId: "E5" })]);

    await runCron();
    expect(await redis().sismember(bookedSeatsKey(showId), "E5")).toBe(1);
  });

  it("refuse seats sold, awaiting payment or held, and seats not in the hall; nothing is written", async () => {
    const showId = await showAt("A");
    await placeOrder(newUser("house-buyer"), showId, ["C1"]);
    expect((await postHold(newUser("house-holder"), showId, ["B5"])).status).toBe(201);

    const taken = await block(showId, ["B5", "C1", "D1"]);
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ code: "SEAT_TAKEN", seats: ["B5", "C1"] });
    const unknown = await block(showId, ["D1", "K1"]);
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({ code: "UNKNOWN_SEATS", seats: ["K1"] });
    expect(await db().select().from(houseSeats).where(eq(houseSeats.showId, showId))).toEqual([]);
    expect(await auditOf(showId)).toEqual([]);
  });

  it("a repeat changes nothing; unblocked seats are on sale again", async () => {
    const showId = await showAt("A");
    expect((await block(showId, ["F1", "F2"])).status).toBe(200);
    const again = await block(showId, ["F2"], "OTHER");
    expect(((await again.json()) as { houseSeats: { seatId: string; reason: string }[] }).houseSeats).toEqual([
      expect.objectContaining({ seatId: "F1", reason: "VIP" }),
      expect.objectContaining({ seatId: "F2", reason: "VIP" }),
    ]);

    const res = await unblock(showId, ["F2", "F3"]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { houseSeats: { seatId: string }[] }).houseSeats.map((s) => s.seatId)).toEqual([
      "F1",
    ]);
    expect(statesOf(await seatMap(showId)).get("F2")?.state).toBe("AVAILABLE");
    expect((await postHold(newUser("house-again"), showId, ["F2"])).status).toBe(201);
    expect((await auditOf(showId)).map((a) => a.action)).toEqual(["house_seats.block", "house_seats.unblock"]);
  });

  it("malformed bodies are 400 and change nothing", async () => {
    const showId = await showAt("A");
    for (const json of [
      { seatIds: [], reason: "VIP" },
      { seatIds: ["A1"], reason: "FRIENDS" },
      { seatIds: ["A1", "A1"], reason: "VIP" },
    ]) {
      const res = await as("managerA", showPath(showId, "house-seats"), { method: "POST", json });
      expect(res.status).toBe(400);
    }
    expect(await db().select().from(houseSeats).where(eq(houseSeats.showId, showId))).toEqual([]);
  });
});
