import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import type { Database } from "../db/client";
import { sql } from "../db/drizzle";
import { depsOf } from "../deps";
import { log } from "../http/request-log";
import { BackendTimings, withTimings } from "../http/server-timing";
import { showFunnelCounts } from "./ops-tables";

export type HoldEvent = "held" | "released";

/** One hold made or released on a show: an upsert that adds one. */
export async function countHoldEvent(db: Database, showId: string, event: HoldEvent): Promise<void> {
  const held = event === "held" ? 1 : 0;
  const released = event === "released" ? 1 : 0;
  await db
    .insert(showFunnelCounts)
    .values({ showId, holds: held, holdsReleased: released })
    .onConflictDoUpdate({
      target: showFunnelCounts.showId,
      set: {
        holds: sql`${showFunnelCounts.holds} + ${held}`,
        holdsReleased: sql`${showFunnelCounts.holdsReleased} + ${released}`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * Counts a hold event for the numbers (docs/API.md: Back office, reports) after the response has
 * gone: the hold itself stays one Redis call, and this database write is on a ledger of its own,
 * not in the request's Server-Timing. A lost count makes the hold-expiry rate a little off, never
 * a booking wrong.
 */
export function countAfterResponse<E extends AppEnv>(c: Context<E>, showId: string, event: HoldEvent): void {
  const db = depsOf(c).db;
  const write = withTimings(new BackendTimings(), () => countHoldEvent(db, showId, event)).catch((error: unknown) =>
    log("warn", "hold event not counted", { showId, event, error: String(error) }),
  );
  c.executionCtx.waitUntil(write);
}
