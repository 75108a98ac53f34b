import type { SeatLayout } from "@housefull/shared";
import styles from "./Admin.module.css";

interface LayoutGridProps {
  layout: SeatLayout;
  onCell: (rowIndex: number, column: number) => void;
  onRow: (rowIndex: number, change: { label?: string; category?: string; aisleAfter?: boolean }) => void;
}

/**
 * The hall as a grid: one line per row (its label, its category, an aisle after it), a button per
 * column — a seat (its number; wheelchair ♿ and companion marks) or a gap. Clicking a cell applies
 * the editor's tool; the row's own controls change the row.
 */
export function LayoutGrid({ layout, onCell, onRow }: LayoutGridProps) {
  const names = new Map(layout.categories.map((c, i) => [c.code, { name: c.name, tone: i % 4 }]));
  return (
    <div className={styles.gridScroller}>
      <fieldset className={styles.grid}>
        <legend className={styles.screenBar}>Seat layout (screen this way)</legend>
        {layout.rows.map((row, r) => {
          const wheelchair = new Set(row.wheelchair ?? []);
          const companion = new Set(row.companion ?? []);
          const category = names.get(row.category);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the hall (its label is being edited)
            <div key={r} className={row.aisleAfter ? styles.rowAisle : styles.gridRow}>
              <input
                className={styles.rowLabel}
                aria-label={`Row ${r + 1} label`}
                value={row.label}
                maxLength={2}
                onChange={(e) => onRow(r, { label: e.target.value.toUpperCase() })}
              />
              <select
                aria-label={`Row ${row.label} category`}
                value={row.category}
                onChange={(e) => onRow(r, { category: e.target.value })}
              >
                {layout.categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
                {category ? null : <option value={row.category}>{row.category} (not a category)</option>}
              </select>
              <div className={styles.cells}>
                {row.columns.map((seat, c) => {
                  const kind =
                    seat === null
                      ? "gap"
                      : wheelchair.has(seat)
                        ? "wheelchair"
                        : companion.has(seat)
                          ? "companion"
                          : "seat";
                  const label =
                    seat === null
                      ? `Row ${row.label} gap at column ${c + 1}`
                      : `Row ${row.label} seat ${seat}, ${category?.name ?? row.category}${kind === "seat" ? "" : `, ${kind}`}`;
                  return (
                    <button
                      // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
                      key={c}
                      type="button"
                      aria-label={label}
                      className={styles.cell}
                      data-kind={kind}
                      data-tone={seat === null ? undefined : (category?.tone ?? "x")}
                      onClick={() => onCell(r, c)}
                    >
                      {seat === null ? "" : kind === "wheelchair" ? "♿" : kind === "companion" ? `${seat}+` : seat}
                    </button>
                  );
                })}
              </div>
              <label className={styles.aisleToggle}>
                <input
                  type="checkbox"
                  checked={row.aisleAfter ?? false}
                  onChange={(e) => onRow(r, { aisleAfter: e.target.checked })}
                />
                Aisle after {row.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
