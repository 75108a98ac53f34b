import * as z from "zod/mini";

/**
 * A hall's seating plan. Rows are grouped into price categories (as cinemas sell them: "Recliner",
 * "Prime", "Classic"); `columns` places seats on the grid, `null` is an aisle or gap.
 * Seat ids are the row label plus the seat number: "A1", "J10".
 */
export const seatCategorySchema = z.object({
  code: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,19}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Added to the show's base price, decimal string ("150.00"). */
  surcharge: z.string().check(z.regex(/^\d{1,6}\.\d{2}$/)),
});

const seatNumbers = z.array(z.number().check(z.int(), z.gte(1), z.lte(99))).check(z.maxLength(60));

export const seatRowSchema = z.object({
  label: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  category: z.string(),
  columns: z.array(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(99)))).check(z.minLength(1), z.maxLength(60)),
  /** Seat numbers of this row with room for a wheelchair, and the companion seats beside them. */
  wheelchair: z.optional(seatNumbers),
  companion: z.optional(seatNumbers),
  /** A walkway across the hall behind this row (drawn as a gap between rows). */
  aisleAfter: z.optional(z.boolean()),
});

export const seatLayoutSchema = z
  .object({
    categories: z.array(seatCategorySchema).check(z.minLength(1)),
    rows: z.array(seatRowSchema).check(z.minLength(1), z.maxLength(40)),
  })
  .check(
    z.superRefine((layout, ctx) => {
      const codes = new Set(layout.categories.map((c) => c.code));
      const labels = new Set<string>();
      for (const [i, row] of layout.rows.entries()) {
        if (!codes.has(row.category)) {
          ctx.addIssue({
            code: "custom",
            message: `row ${row.label}: category ${row.category} is not one of the priced categories`,
            path: ["rows", i, "category"],
          });
        }
        if (labels.has(row.label))
          ctx.addIssue({ code: "custom", message: `row ${row.label} appears twice`, path: ["rows", i, "label"] });
        labels.add(row.label);
        const numbers = row.columns.filter((n): n is number => n !== null);
        const duplicates = numbers.filter((n, i) => numbers.indexOf(n) !== i);
        if (duplicates.length) {
          ctx.addIssue({
            code: "custom",
            message: `row ${row.label}: seat ${[...new Set(duplicates)].map((n) => `${row.label}${n}`).join(", ")} appears twice`,
            path: ["rows", i, "columns"],
          });
        }
        for (const kind of ["wheelchair", "companion"] as const) {
          const missing = (row[kind] ?? []).filter((n) => !numbers.includes(n));
          if (missing.length)
            ctx.addIssue({
              code: "custom",
              message: `row ${row.label}: ${kind} seat ${missing.join(", ")} is not a seat of the row`,
              path: ["rows", i, kind],
            });
        }
      }
      const used = new Set(layout.rows.map((r) => r.category));
      for (const [i, c] of layout.categories.entries()) {
        if (!used.has(c.code))
          ctx.addIssue({ code: "custom", message: `category ${c.code} has no seats`, path: ["categories", i] });
      }
      const seen = new Set<string>();
      for (const [i, c] of layout.categories.entries()) {
        if (seen.has(c.code))
          ctx.addIssue({ code: "custom", message: `category ${c.code} appears twice`, path: ["categories", i] });
        seen.add(c.code);
      }
    }),
  );

export type SeatCategory = z.infer<typeof seatCategorySchema>;
export type SeatRow = z.infer<typeof seatRowSchema>;
export type SeatLayout = z.infer<typeof seatLayoutSchema>;
