import { pricedLayout } from "../domain/pricing";
import type { SeatLayout } from "../domain/seat-layout";
import { priceSelection } from "../domain/seat-selection";
import { formatPaise, type Paise, toPaise } from "../shared/money";
import { sortSeatIds } from "../shared/seat-order";

/** One receipt line: the seats of one category at one price. Amounts are decimal strings ("250.00"). */
export interface ReceiptLine {
  category: string;
  name: string;
  seatIds: string[];
  quantity: number;
  unitPrice: string;
  amount: string;
}

/** What an order costs, itemised: seats by category, the theatre's convenience fee, the total. */
export interface Receipt {
  lines: ReceiptLine[];
  convenienceFee: string;
  total: string;
}

/**
 * The receipt of an order, from its hall's layout and its show's prices (the base price and its own
 * price per category, priced as domain/pricing.ts does for the seat map). The order's stored
 * `total` is what was charged; should prices have changed since, the seats become one line at
 * what was charged for them, so a receipt never disagrees with the money.
 */
export function receiptOf(
  hall: SeatLayout,
  show: { price: string; categoryPrices: Record<string, string> | null },
  seatIds: string[],
  convenienceFee: string,
  total: string,
): Receipt {
  const layout = pricedLayout(hall, show.price, show.categoryPrices);
  const priced = priceSelection(layout, show.price, seatIds);
  const byCategory = new Map<string, { seatIds: string[]; unit: Paise }[]>();
  for (const seat of priced.seats) {
    const groups = byCategory.get(seat.category) ?? [];
    const unit = toPaise(seat.price);
    const group = groups.find((g) => g.unit === unit);
    if (group) group.seatIds.push(seat.seatId);
    else groups.push({ seatIds: [seat.seatId], unit });
    byCategory.set(seat.category, groups);
  }
  const names = new Map(layout.categories.map((c) => [c.code, c.name]));
  const order = layout.categories.map((c) => c.code);
  const lines = [...byCategory]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([category, groups]) =>
      groups.map((g) => ({
        category,
        name: names.get(category) ?? category,
        seatIds: sortSeatIds(g.seatIds),
        quantity: g.seatIds.length,
        unitPrice: formatPaise(g.unit),
        amount: formatPaise(g.unit * g.seatIds.length),
      })),
    );
  const fee = toPaise(convenienceFee);
  const charged = toPaise(total);
  if (toPaise(priced.amount) + fee === charged) return { lines, convenienceFee: formatPaise(fee), total };
  const seatsPaise = charged - fee;
  const quantity = seatIds.length;
  const even = seatsPaise % quantity === 0;
  return {
    lines: [
      {
        category: "SEATS",
        name: "Seats",
        seatIds: sortSeatIds(seatIds),
        quantity: even ? quantity : 1,
        unitPrice: formatPaise(even ? seatsPaise / quantity : seatsPaise),
        amount: formatPaise(seatsPaise),
      },
    ],
    convenienceFee: formatPaise(fee),
    total,
  };
}
