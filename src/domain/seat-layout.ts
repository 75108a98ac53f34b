import * as z from "zod";

/**
 * A hall's seating plan. Rows are grouped into price categories (as cinemas sell them: "Recliner",
 * "Prime", "Classic"); `columns` places seats on the grid, `null` is an aisle or gap.
 * Seat ids are the row label plus the seat number: "A1", "J10".
 */
export const seatCategorySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/),
  name: z.string().min(1).max(40),
  /** Added to the show's base price, decimal string ("150.00"). */
  surcharge: z.string().regex(/^\d{1,6}\.\d{2}$/),
});

export const seatRowSchema = z.object({
  label: z.string().regex(/^[A-Z]{1,2}$/),
  category: z.string(),
  columns: z.array(z.number().int().min(1).max(99).nullable()).min(1).max(60),
});

export const seatLayoutSchema = z
  .object({
    categories: z.array(seatCategorySchema).min(1),
    rows: z.array(seatRowSchema).min(1).max(40),
  })
  .superRefine((layout, ctx) => {
    const codes = new Set(layout.categories.map((c) => c.code));
    const labels = new Set<string>();
    for (const row of layout.rows) {
      if (!codes.has(row.category)) {
        ctx.addIssue({ code: "custom", message: `row ${row.label}: unknown category ${row.category}` });
      }
      if (labels.has(row.label)) ctx.addIssue({ code: "custom", message: `row ${row.label} appears twice` });
      labels.add(row.label);
      const numbers = row.columns.filter((n): n is number => n !== null);
      if (new Set(numbers).size !== numbers.length) {
        ctx.addIssue({ code: "custom", message: `row ${row.label}: a seat number appears twice` });
      }
    }
  });

export type SeatCategory = z.infer<typeof seatCategorySchema>;
export type SeatRow = z.infer<typeof seatRowSchema>;
export type SeatLayout = z.infer<typeof seatLayoutSchema>;

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
