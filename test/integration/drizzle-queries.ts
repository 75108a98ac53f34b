import { staffActions } from "../../src/admin/tables";
import { databaseOf } from "../../src/db/client";
import { and, eq, gte, inArray, sql } from "../../src/db/drizzle";
import { orderSeats, orders, shows } from "../../src/db/schema";
import type { Config } from "../../src/env";

/**
 * Queries drizzle builds (never sends) over the worker's tables: a select with a join, an insert
 * with arrays, jsonb and numeric, an update and a CTE. test/unit/drizzle-aliases.test.ts runs them
 * once as vite loads drizzle and once from the worker's build, with its aliases.
 */
export function drizzleQueries() {
  const db = databaseOf({ DATABASE_URL: "postgres://user:pass@localhost/db", BACKEND_TIMEOUT_MS: 1000 } as Config);
  const pending = db
    .$with("pending")
    .as(db.select({ id: orders.id }).from(orders).where(eq(orders.status, "PAYMENT_PENDING")));
  return [
    db
      .select({ id: orders.id, startsAt: shows.startTime })
      .from(orders)
      .innerJoin(shows, eq(shows.id, orders.showId))
      .where(and(inArray(orders.status, ["CONFIRMED"]), gte(shows.startTime, "2026-01-01T00:00:00Z")))
      .toSQL(),
    db
      .insert(orders)
      .values({
        userId: "u",
        showId: "s",
        holdId: "h",
        seatIds: ["A1", "A2"],
        amount: "12.50",
        expiresAt: "2026-01-01T00:05:00Z",
      })
      .returning({ id: orders.id })
      .toSQL(),
    db
      .insert(staffActions)
      .values({
        actorUserId: "a",
        role: "admin",
        action: "movie.create",
        targetType: "movie",
        targetId: "m",
        after: { a: 1 },
      })
      .toSQL(),
    db
      .update(orderSeats)
      .set({ seatId: sql`upper(${orderSeats.seatId})` })
      .where(eq(orderSeats.orderId, "o"))
      .toSQL(),
    db.with(pending).select().from(pending).toSQL(),
  ];
}

/** As a worker module, for the worker's build. */
export default { fetch: () => Response.json(drizzleQueries()) };
