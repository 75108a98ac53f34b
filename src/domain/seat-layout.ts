// The layout's shape and rules are shared with the web UI's layout editor (src/shared/seat-layout.ts).
import type { SeatLayout } from "../shared/seat-layout";

export {
  type SeatCategory,
  type SeatLayout,
  type SeatRow,
  seatCategorySchema,
  seatLayoutSchema,
  seatRowSchema,
} from "../shared/seat-layout";

const ROW_LABELS = "ABCDEFGHIJ";

/** The hall every show without a layout gets: rows A–J, seats 1–10, one category. */
export const DEFAULT_LAYOUT: SeatLayout = {
  categories: [{ code: "STANDARD", name: "Standard", surcharge: "0.00" }],
  rows: [...ROW_LABELS].map((label) => ({
    label,
    category: "STANDARD",
    columns: Array.from({ length: 10 }, (_, i) => i + 1),
  })),
};

/** Every seat id of a layout, front row first. */
export function seatIdsOf(layout: SeatLayout): string[] {
  return layout.rows.flatMap((row) =>
    row.columns.filter((n): n is number => n !== null).map((n) => `${row.label}${n}`),
  );
}
