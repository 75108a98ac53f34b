import { publishCatalogChange } from "../../catalog/catalog-version";
import { and, eq, notExists } from "../../db/drizzle";
import { orderSeats, shows } from "../../db/schema";
import type { Deps } from "../../deps";
import { DEFAULT_LAYOUT } from "../../domain/seat-layout";
import type { AdminShow } from "../../shared/admin-schemas";
import { type ShowRow, showAt } from "../admin-store";
import { recordStaffAction, type StaffActor } from "../audit-log";
import { adminShowOf, basePriceOf, checkPrices, type PriceProblem } from "./schedule-shows";

export type ChangeShowOutcome =
  | { outcome: "CHANGED"; show: AdminShow }
  | { outcome: "SHOW_NOT_FOUND" }
  | { outcome: "PRICES_LOCKED"; seatsSold: number }
  | PriceProblem;

type Found = NonNullable<Awaited<ReturnType<typeof showAt>>>;

/** Online sales on or off. A closed show takes no holds (its cached booking info is forgotten) and no orders. */
export async function setShowSales(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; showId: string; open: boolean },
): Promise<ChangeShowOutcome> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  if (found.show.salesOpen === input.open) return { outcome: "CHANGED", show: viewOf(found, found.show) };
  return writeShow(deps, input, found, {
    action: input.open ? "show.sales_open" : "show.sales_close",
    columns: { salesOpen: input.open },
  });
}

/**
 * The orphan rule on or off. The hold scripts get it from the show's booking info, which
 * writeShow forgets here, so this isolate's next hold already obeys the new setting.
 */
export async function setShowOrphanRule(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; showId: string; orphanRule: boolean },
): Promise<ChangeShowOutcome> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  if (found.show.orphanRule === input.orphanRule) return { outcome: "CHANGED", show: viewOf(found, found.show) };
  return writeShow(deps, input, found, {
    action: input.orphanRule ? "show.orphan_rule_on" : "show.orphan_rule_off",
    columns: { orphanRule: input.orphanRule },
  });
}

/** New prices per category: only before the first seat is sold (or held in an order). */
export async function setShowPrices(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; showId: string; prices: Record<string, string> },
): Promise<ChangeShowOutcome> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  if (found.seatsSold > 0) return { outcome: "PRICES_LOCKED", seatsSold: found.seatsSold };
  const problem = checkPrices(found.layout ?? DEFAULT_LAYOUT, input.prices);
  if (problem) return problem;
  const outcome = await writeShow(deps, input, found, {
    action: "show.prices",
    columns: { categoryPrices: input.prices, price: basePriceOf(input.prices) },
    // Guarded in the same statement: an order placed since the check above keeps its prices.
    unsold: true,
  });
  return outcome;
}

async function writeShow(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; showId: string },
  found: Found,
  change: { action: `show.${string}`; columns: Partial<ShowRow>; unsold?: boolean },
): Promise<ChangeShowOutcome> {
  const { db } = deps;
  const after = { ...found.show, ...change.columns };
  const guard = change.unsold
    ? notExists(db.select({ seatId: orderSeats.seatId }).from(orderSeats).where(eq(orderSeats.showId, input.showId)))
    : undefined;
  const [[row]] = await db.batch([
    db
      .update(shows)
      .set(change.columns)
      .where(and(eq(shows.id, input.showId), guard))
      .returning(),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: input.theatreId,
      action: change.action,
      target: { type: "show", id: input.showId },
      before: viewOf(found, found.show),
      after: viewOf(found, after),
    }),
  ]);
  await publishCatalogChange([input.showId]);
  if (!row) return { outcome: "PRICES_LOCKED", seatsSold: 1 };
  return { outcome: "CHANGED", show: viewOf(found, row) };
}

const viewOf = (found: Found, show: ShowRow) => adminShowOf(show, found.seatsSold, found.layout);
