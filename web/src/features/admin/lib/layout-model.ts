import type { SeatCategory, SeatLayout, SeatRow } from "@housefull/shared";

/**
 * The layout editor's model: the API's own `SeatLayout` (rows of columns, `null` a gap or aisle),
 * edited by pure functions so the editor only draws it. Seats are numbered by their column, so a
 * gap never renumbers the seats beside it (a seat keeps its id across edits).
 */

export type Tool = "gap" | "wheelchair" | "companion" | { category: string };

const rowLabel = (i: number): string =>
  i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;

/** A rectangle of `rows` × `seats`, every row in the first category. */
export function gridLayout(rows: number, seats: number, categories: SeatCategory[]): SeatLayout {
  const category = categories[0]?.code ?? "CLASSIC";
  return {
    categories,
    rows: Array.from({ length: rows }, (_, i) => ({
      label: rowLabel(i),
      category,
      columns: Array.from({ length: seats }, (_, c) => c + 1),
    })),
  };
}

/** The grid resized: rows and columns kept where they were, new ones added as seats. */
export function resized(layout: SeatLayout, rows: number, seats: number): SeatLayout {
  const fresh = gridLayout(rows, seats, layout.categories);
  return {
    ...layout,
    rows: fresh.rows.map((row, i) => {
      const old = layout.rows[i];
      if (!old) return { ...row, category: layout.rows.at(-1)?.category ?? row.category };
      const columns = row.columns.map((n, c) => (c < old.columns.length ? (old.columns[c] ?? null) : n));
      const keep = (list?: number[]) => list?.filter((n) => columns.includes(n));
      return { ...old, columns, wheelchair: keep(old.wheelchair), companion: keep(old.companion) };
    }),
  };
}

const without = (list: number[] | undefined, n: number) => (list ?? []).filter((x) => x !== n);
const toggle = (list: number[] | undefined, n: number) =>
  (list ?? []).includes(n) ? without(list, n) : [...(list ?? []), n].sort((a, b) => a - b);

function tidy(row: SeatRow): SeatRow {
  const { wheelchair, companion, ...rest } = row;
  return {
    ...rest,
    ...(wheelchair?.length ? { wheelchair } : {}),
    ...(companion?.length ? { companion } : {}),
  };
}

/** What a click on the cell at (`rowIndex`, `column`) does with `tool`. */
export function applyTool(layout: SeatLayout, rowIndex: number, column: number, tool: Tool): SeatLayout {
  const rows = layout.rows.map((row, i) => {
    if (i !== rowIndex) return row;
    const seat = row.columns[column];
    if (typeof tool === "object") return { ...row, category: tool.category };
    if (tool === "gap") {
      const columns = row.columns.map((n, c) => (c === column ? (n === null ? c + 1 : null) : n));
      if (seat === null || seat === undefined) return tidy({ ...row, columns });
      return tidy({
        ...row,
        columns,
        wheelchair: without(row.wheelchair, seat),
        companion: without(row.companion, seat),
      });
    }
    if (seat === null || seat === undefined) return row;
    return tidy({ ...row, [tool]: toggle(row[tool], seat) });
  });
  return { ...layout, rows };
}

export const setRow = (layout: SeatLayout, rowIndex: number, change: Partial<SeatRow>): SeatLayout => ({
  ...layout,
  rows: layout.rows.map((row, i) => (i === rowIndex ? tidy({ ...row, ...change }) : row)),
});

export function addCategory(layout: SeatLayout): SeatLayout {
  const taken = new Set(layout.categories.map((c) => c.code));
  let n = layout.categories.length + 1;
  while (taken.has(`CAT${n}`)) n++;
  return {
    ...layout,
    categories: [...layout.categories, { code: `CAT${n}`, name: `Category ${n}`, surcharge: "0.00" }],
  };
}

/** A category renamed or repriced; a new code is carried to the rows painted with it. */
export function setCategory(layout: SeatLayout, index: number, change: Partial<SeatCategory>): SeatLayout {
  const old = layout.categories[index];
  if (!old) return layout;
  const next = { ...old, ...change };
  return {
    categories: layout.categories.map((c, i) => (i === index ? next : c)),
    rows: layout.rows.map((r) => (r.category === old.code ? { ...r, category: next.code } : r)),
  };
}

export const removeCategory = (layout: SeatLayout, index: number): SeatLayout => ({
  ...layout,
  categories: layout.categories.filter((_, i) => i !== index),
});

export const seatCount = (layout: SeatLayout) =>
  layout.rows.reduce((sum, row) => sum + row.columns.filter((n) => n !== null).length, 0);

export const DEFAULT_CATEGORIES: SeatCategory[] = [{ code: "CLASSIC", name: "Classic", surcharge: "0.00" }];
