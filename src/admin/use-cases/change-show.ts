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

type ShowInput = { actor: StaffActor; theatreId: string; showId: string };

/** Online sales on or off. A closed show takes no holds (its cached booking info is forgotten) and no orders. */
export const setShowSales = (deps: Deps, input: ShowInput & { open: boolean }) =>
  switchShowFlag(deps, input, "salesOpen", input.open, ["show.sales_open", "show.sales_close"]);

/**
 * The orphan rule on or off. The hold scripts get it from the show's booking info, which
 * writeShow forgets here, so this isolate's next hold already obeys the new setting.
 */
export const setShowOrphanRule = (deps: Deps, input: ShowInput & { orphanRule: boolean }) =>
  switchShowFlag(deps, input, "orphanRule", input.orphanRule, ["show.orphan_rule_on", "show.orphan_rule_off"]);

/** A show's on/off setting: audited as the `[on, off]` action; setting it as it stands changes nothing. */
async function switchShowFlag(
  deps: Deps,
  input: ShowInput,
  flag: "salesOpen" | "orphanRule",
  on: boolean,
  [onAction, offAction]: [`show.${string}`, `show.${string}`],
): Promise<ChangeShowOutcome> {
  const found = await showAt(deps.db, input.theatreId, input.showId);
  if (!found) return { outcome: "SHOW_NOT_FOUND" };
  if (found.show[flag] === on) return { outcome: "CHANGED", show: viewOf(found, found.show) };
  return writeShow(deps, input, found, { action: on ? onAction : offAction, columns: { [flag]: on } });
}

/** New prices per category: only before the first seat is sold (or held in an order). */
export async function setShowPrices(
  deps: Deps,
  input: ShowInput & { prices: Record<string, string> },
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
  input: ShowInput,
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
