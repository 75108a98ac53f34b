import { formatPaise, toPaise } from "./money";
import type { SeatLayout } from "./seat-layout";

export { SEAT_ID } from "../shared/seat-order";

export interface SeatInfo {
  seatId: string;
  row: string;
  number: number;
  category: string;
}

/** Every seat of a layout by id, front row first, left to right. */
export function seatIndex(layout: SeatLayout): Map<string, SeatInfo> {
  const seats = new Map<string, SeatInfo>();
  for (const row of layout.rows) {
    for (const n of row.columns) {
      if (n !== null)
        seats.set(`${row.label}${n}`, {
          seatId: `${row.label}${n}`,
          row: row.label,
          number: n,
          category: row.category,
        });
    }
  }
  return seats;
}

export type SelectionProblem =
  | { rule: "SEAT_COUNT"; message: string }
  | { rule: "QUANTITY_MISMATCH"; message: string }
  | { rule: "DUPLICATE_SEATS"; message: string; seats: string[] }
  | { rule: "UNKNOWN_SEATS"; message: string; seats: string[] };

/**
 * The rules of a seat selection (docs/API.md: Rules): 1..max seats, `quantity` equal to the number of
 * seats, no seat twice, every seat in the hall's layout. Returns the first rule broken, if any.
 */
export function checkSelection(
  layout: SeatLayout,
  seatIds: string[],
  quantity: number,
  maxSeats: number,
): SelectionProblem | undefined {
  if (seatIds.length < 1 || seatIds.length > maxSeats) {
    return { rule: "SEAT_COUNT", message: `Choose between 1 and ${maxSeats} seats` };
  }
  if (quantity !== seatIds.length) {
    return { rule: "QUANTITY_MISMATCH", message: `quantity is ${quantity} but ${seatIds.length} seats were given` };
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of seatIds) (seen.has(id) ? duplicates : seen).add(id);
  if (duplicates.size) {
    return { rule: "DUPLICATE_SEATS", message: "A seat appears more than once", seats: [...duplicates] };
  }
  const index = seatIndex(layout);
  const unknown = seatIds.filter((id) => !index.has(id));
  if (unknown.length) {
    return { rule: "UNKNOWN_SEATS", message: "These seats do not exist in this hall", seats: unknown };
  }
  return undefined;
}

/** Each chosen seat's price and the total, from the show's base price and the seat categories. */
export function priceSelection(layout: SeatLayout, basePrice: string, seatIds: string[]) {
  const index = seatIndex(layout);
  const surcharges = new Map(layout.categories.map((c) => [c.code, toPaise(c.surcharge)]));
  const base = toPaise(basePrice);
  let total = 0;
  const seats = seatIds.map((seatId) => {
    const category = index.get(seatId)?.category ?? layout.categories[0]?.code ?? "STANDARD";
    const price = base + (surcharges.get(category) ?? 0);
    total += price;
    return { seatId, category, price: formatPaise(price) };
  });
  return { seats, amount: formatPaise(total) };
}

/** Seats in a stable, human order: by row as the layout orders them, then by number. */
export function sortSeats(layout: SeatLayout, seatIds: string[]): string[] {
  const order = new Map([...seatIndex(layout).keys()].map((id, i) => [id, i]));
  return [...seatIds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Why a show takes no holds now, if it doesn't: cancelled, sales closed by the theatre, or started. */
export function bookingClosedReason(
  show: { status: string; startTime: string; salesOpen?: boolean },
  now: Date,
): string | undefined {
  if (show.status === "CANCELLED") return "This show was cancelled";
  if (show.salesOpen === false) return "Online sales for this show are closed";
  if (new Date(show.startTime).getTime() <= now.getTime()) return "This show has already started";
  return undefined;
}
