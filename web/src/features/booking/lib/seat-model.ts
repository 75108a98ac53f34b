import { formatPaise, type Paise, toPaise } from "@housefull/shared";
import { formatPrice } from "../../../lib/format-show";
import type { SeatMap, SeatMapRow, SeatMapSeat } from "../api/booking";

/** How a seat looks to this user right now. */
export type SeatLook = "available" | "selected" | "yours" | "held" | "booked";

export interface PlacedSeat {
  seat: SeatMapSeat;
  row: SeatMapRow;
  /** Index of the row in the layout (front row first). */
  rowIndex: number;
  /** Horizontal position on the centred grid (gaps count), for moving straight up/down. */
  x: number;
  price: string | undefined;
  categoryName: string | undefined;
}

export interface Band {
  code: string;
  name: string;
  price: string | undefined;
  rows: SeatMapRow[];
}

/** Every seat by id, with its row, price and position; the rows' seats in order for keyboard moves. */
export function placeSeats(map: SeatMap) {
  const categories = new Map(map.categories.map((c) => [c.code, c]));
  const width = Math.max(0, ...map.rows.map((r) => r.seats.length));
  const byId = new Map<string, PlacedSeat>();
  const rows: PlacedSeat[][] = [];
  map.rows.forEach((row, rowIndex) => {
    const offset = (width - row.seats.length) / 2;
    const category = categories.get(row.category);
    const placed: PlacedSeat[] = [];
    row.seats.forEach((seat, col) => {
      if (!seat) return;
      const p = { seat, row, rowIndex, x: col + offset, price: category?.price, categoryName: category?.name };
      byId.set(seat.seatId, p);
      placed.push(p);
    });
    if (placed.length) rows.push(placed);
  });
  return { byId, rows, width };
}

/** Consecutive rows of one category, each band headed by its name and price ("Recliner ₹450"). */
export function bandsOf(map: SeatMap): Band[] {
  const categories = new Map(map.categories.map((c) => [c.code, c]));
  const bands: Band[] = [];
  for (const row of map.rows) {
    const last = bands[bands.length - 1];
    if (last && last.code === row.category) last.rows.push(row);
    else {
      const category = categories.get(row.category);
      bands.push({ code: row.category, name: category?.name ?? row.category, price: category?.price, rows: [row] });
    }
  }
  return bands;
}

export function lookOf(seat: SeatMapSeat, selected: ReadonlySet<string>): SeatLook {
  if (selected.has(seat.seatId)) return "selected";
  if (seat.state === "BOOKED") return "booked";
  if (seat.state === "HELD") return seat.mine ? "yours" : "held";
  return "available";
}

/** Taken from under this user: booked, or held by someone else. */
export const isTakenByOthers = (seat: SeatMapSeat | undefined) =>
  !seat || seat.state === "BOOKED" || (seat.state === "HELD" && !seat.mine);

const STATE_WORDS: Record<SeatLook, string> = {
  available: "available",
  selected: "available",
  yours: "held by you",
  held: "held by someone else",
  booked: "booked",
};

/**
 * "Row F seat 5, available, Recliner ₹250" (selection itself is aria-pressed). The state comes right
 * after the seat, so a listener hears first what they can do; the category after it, every time.
 */
export function seatLabel(p: PlacedSeat, look: SeatLook): string {
  const base = `Row ${p.row.label} seat ${p.seat.number}, ${STATE_WORDS[look]}`;
  const canPick = look === "available" || look === "selected" || look === "yours";
  const category = [p.categoryName, canPick && p.price ? formatPrice(p.price) : null].filter(Boolean).join(" ");
  return category ? `${base}, ${category}` : base;
}

/** What the seat is, for the line under the map: "Row F · Seat 5 · Recliner · ₹250 · available". */
export function seatFacts(p: PlacedSeat, look: SeatLook): string {
  return [`Row ${p.row.label}`, `Seat ${p.seat.number}`, p.categoryName, p.price ? formatPrice(p.price) : null]
    .concat(look === "selected" ? "selected" : STATE_WORDS[look])
    .filter(Boolean)
    .join(" · ");
}

/** The total of a selection as a decimal string ("500.00"), summed in paise. */
export function totalOf(ids: readonly string[], byId: Map<string, PlacedSeat>): string {
  let paise: Paise = 0;
  for (const id of ids) {
    const price = byId.get(id)?.price;
    if (price) paise += toPaise(price);
  }
  return formatPaise(paise);
}
