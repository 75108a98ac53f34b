import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordStaffAction, roleUsed } from "../../src/admin/audit-log";
import { staffActions } from "../../src/admin/tables";
import { theatres } from "../../src/db/schema";
import { db } from "./fixtures";

const actor = () => ({ userId: crypto.randomUUID(), role: "admin" as const, requestId: "req-audit-test" });

describe("recordStaffAction", () => {
  it("writes its row in the change's transaction: both land together", async () => {
    const who = actor();
    const theatreId = crypto.randomUUID();
    await db().batch([
      db().insert(theatres).values({ id: theatreId, name: "Audit Hall" }),
      recordStaffAction(db(), {
        actor: who,
        theatreId,
        action: "theatre.create",
        target: { type: "theatre", id: theatreId },
        after: { name: "Audit Hall" },
      }),
    ]);
    const rows = await db().select().from(staffActions).where(eq(staffActions.actorUserId, who.userId));
    expect(rows).toEqual([
      expect.objectContaining({
        role: "admin",
        theatreId,
        action: "theatre.create",
        targetType: "theatre",
        targetId: theatreId,
        before: null,
        after: { name: "Audit Hall" },
        requestId: "req-audit-test",
      }),
    ]);
  });

  it("records nothing when the change rolls back", async () => {
    const who = actor();
    const theatreId = crypto.randomUUID();
    const change = db().insert(theatres).values({ id: theatreId, name: "Refused Hall", convenienceFee: "-1.00" });
    const audit = recordStaffAction(db(), {
      actor: who,
      theatreId,
      action: "theatre.create",
      target: { type: "theatre", id: theatreId },
    });
    // The audit row goes first, so only the transaction (not the order) keeps it out.
    await expect(db().batch([audit, change])).rejects.toThrow();
    expect(await db().select().from(staffActions).where(eq(staffActions.actorUserId, who.userId))).toEqual([]);
    expect(await db().select().from(theatres).where(eq(theatres.id, theatreId))).toEqual([]);
  });

  it("records the widest role the caller acted in", () => {
    expect(roleUsed(["usher", "admin"])).toBe("admin");
    expect(roleUsed(["usher", "theatre_manager"])).toBe("theatre_manager");
    expect(roleUsed(["usher"])).toBe("usher");
  });
});
