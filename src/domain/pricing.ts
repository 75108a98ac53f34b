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
