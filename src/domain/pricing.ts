import { formatPaise, toPaise } from "./money";
import type { SeatLayout } from "./seat-layout";

/** Each category's ticket price for a show: the show's base price plus the category's surcharge. */
export function categoryPrices(layout: SeatLayout, basePrice: string): { code: string; name: string; price: string }[] {
  const base = toPaise(basePrice);
  return layout.categories.map((c) => ({
    code: c.code,
    name: c.name,
    price: formatPaise(base + toPaise(c.surcharge)),
  }));
}

/**
 * The layout as a show sells it: with per-category prices set on the show, each category's
 * surcharge becomes its price minus the show's base price (the lowest), so every price rule that
 * reads base + surcharge — seat maps, holds, the order's amount in Postgres — charges the show's prices.
 */
export function pricedLayout(
  layout: SeatLayout,
  basePrice: string,
  prices: Record<string, string> | null | undefined,
): SeatLayout {
  if (!prices) return layout;
  const base = toPaise(basePrice);
  return {
    ...layout,
    categories: layout.categories.map((c) => {
      const price = prices[c.code];
      return price === undefined ? c : { ...c, surcharge: formatPaise(Math.max(0, toPaise(price) - base)) };
    }),
  };
}
