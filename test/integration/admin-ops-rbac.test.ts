// The RBAC matrix over the back office's show operations: each caller answered as requireShowStaff
// (authorizeStaff on the show's theatre) specifies — 404 outside the caller's theatres, 403 for a
// role that may not, 401 without a caller — and nothing changed where refused.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffActions } from "../../src/admin/tables";
import { houseSeats, shows } from "../../src/db/schema";
import { as, CALLERS, type Caller, showAt, showPath } from "./admin-ops-fixtures";
import { db } from "./fixtures";
import { errorOf } from "./http";

type Action = "read" | "manage";
/** What each caller gets on a show of theatre A, by the route's action. */
const expected: Record<Action, Record<Caller, number>> = {
  read: { admin: 200, managerA: 200, usherA: 200, managerB: 404, customer: 404, guest: 404, nobody: 401 },
  manage: { admin: 200, managerA: 200, usherA: 403, managerB: 404, customer: 404, guest: 404, nobody: 401 },
};

const routes: { name: string; action: Action; method?: string; path: string; json?: unknown; ok: number }[] = [
  { name: "list house seats", action: "read", path: "house-seats", ok: 200 },
  {
    name: "block house seats",
    action: "manage",
    method: "POST",
    path: "house-seats",
    json: { seatIds: ["A1"], reason: "VIP" },
    ok: 200,
  },
  {
    name: "unblock house seats",
    action: "manage",
    method: "POST",
    path: "house-seats/unblock",
    json: { seatIds: ["A1"] },
    ok: 200,
  },
  // An allowed caller gets past the guard to the use case: no such hold of theirs (a different 404).
  {
    name: "sell at the counter",
    action: "manage",
    method: "POST",
    path: "counter-sales",
    json: { holdId: "x", customer: { name: "Walk In", phone: "+91 90000 00003" } },
    ok: 404,
  },
  { name: "read the cancellation", action: "read", path: "cancellation", ok: 404 },
];

let showA: string;
let showB: string;
beforeAll(async () => {
  [showA, showB] = await Promise.all([showAt("A"), showAt("B")]);
});

const auditCount = async () => (await db().select().from(staffActions).where(eq(staffActions.targetId, showA))).length;

describe.each(routes)("$name", (route) => {
  it.each(CALLERS)("as %s", async (who) => {
    const want = expected[route.action][who];
    const before = await auditCount();
    const res = await as(who, showPath(showA, route.path), { method: route.method, json: route.json });
    expect(res.status).toBe(want === 200 ? route.ok : want);
    if (want === 404) expect((await errorOf(res)).code).toBe("SHOW_NOT_FOUND");
    if (want === 403) expect((await errorOf(res)).code).toBe("FORBIDDEN");
    if (want !== 200) expect(await auditCount()).toBe(before);
  });

  it("a manager of theatre A on a show of theatre B: 404, as if it did not exist", async () => {
    const res = await as("managerA", showPath(showB, route.path), { method: route.method, json: route.json });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("SHOW_NOT_FOUND");
    expect(await db().select().from(houseSeats).where(eq(houseSeats.showId, showB))).toEqual([]);
  });
});

describe("cancel the show", () => {
  it("refused callers change nothing; a manager of the theatre cancels it; staff of the theatre read it", async () => {
    const cancel = (who: Caller, showId = showA) =>
      as(who, showPath(showId, "cancellation"), { method: "POST", json: {} });
    for (const who of CALLERS.filter((c) => expected.manage[c] !== 200)) {
      expect((await cancel(who)).status, who).toBe(expected.manage[who]);
    }
    expect((await cancel("managerA", showB)).status).toBe(404);
    const statusOf = async (id: string) => (await db().select().from(shows).where(eq(shows.id, id)))[0]?.status;
    expect([await statusOf(showA), await statusOf(showB)]).toEqual(["AVAILABLE", "AVAILABLE"]);

    expect((await cancel("managerA")).status).toBe(202);
    expect(await statusOf(showA)).toBe("CANCELLED");
    for (const who of CALLERS) {
      const res = await as(who, showPath(showA, "cancellation"));
      expect(res.status, who).toBe(expected.read[who]);
    }
  });
});
