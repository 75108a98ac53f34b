import type { SeatLayout } from "../../src/domain/seat-layout";

/**
 * A one-category hall from row strings, for tests: `1` a seat, `.` an aisle or gap
 * ("111.11" → seats 1 2 3, a gap, 4 5). Rows are A, B, … front first.
 */
export function layoutOf(...rows: string[]): SeatLayout {
  return {
    categories: [{ code: "STANDARD", name: "Standard", surcharge: "0.00" }],
    rows: rows.map((text, i) => {
      let n = 0;
      return {
        label: String.fromCharCode(65 + i),
        category: "STANDARD",
        columns: [...text].map((ch) => (ch === "." ? null : ++n)),
      };
    }),
  };
}
