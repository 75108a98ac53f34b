import { type SeatLayout, seatLayoutSchema } from "@housefull/shared";
import { useState } from "react";
import {
  addCategory,
  applyTool,
  removeCategory,
  resized,
  seatCount,
  setCategory,
  setRow,
  type Tool,
} from "../lib/layout-model";
import styles from "./Admin.module.css";
import { CategoryPanel } from "./CategoryPanel";
import { LayoutGrid } from "./LayoutGrid";
import { ProblemList } from "./ProblemList";

interface LayoutEditorProps {
  value: SeatLayout;
  onChange: (layout: SeatLayout) => void;
}

const TOOLS: { id: string; label: string; tool: (category: string) => Tool }[] = [
  { id: "gap", label: "Seat / gap", tool: () => "gap" },
  { id: "wheelchair", label: "Wheelchair", tool: () => "wheelchair" },
  { id: "companion", label: "Companion", tool: () => "companion" },
  { id: "paint", label: "Paint category", tool: (category) => ({ category }) },
];

/**
 * The visual layout editor: the grid's size, a tool (toggle a gap, mark wheelchair or companion
 * seats, paint a row's category), the categories, and what the API's own layout schema says is
 * wrong, live (unique seat ids, every category used and priced, marks on real seats).
 */
export function LayoutEditor({ value, onChange }: LayoutEditorProps) {
  const [toolId, setToolId] = useState("gap");
  const [paint, setPaint] = useState(value.categories[0]?.code ?? "");
  const width = Math.max(...value.rows.map((r) => r.columns.length));
  const tool = (TOOLS.find((t) => t.id === toolId) ?? TOOLS[0])?.tool(paint) ?? "gap";
  const checked = seatLayoutSchema.safeParse(value);
  const problems = checked.success ? [] : [...new Set(checked.error.issues.map((i) => i.message))];

  return (
    <div className={styles.editor}>
      <div className={styles.toolbar}>
        <label>
          Rows
          <input
            type="number"
            min={1}
            max={40}
            value={value.rows.length}
            onChange={(e) => onChange(resized(value, clamp(e.target.valueAsNumber, 40), width))}
          />
        </label>
        <label>
          Seats per row
          <input
            type="number"
            min={1}
            max={60}
            value={width}
            onChange={(e) => onChange(resized(value, value.rows.length, clamp(e.target.valueAsNumber, 60)))}
          />
        </label>
        <fieldset className={styles.tools}>
          <legend>Tool</legend>
          {TOOLS.map((t) => (
            <label key={t.id}>
              <input type="radio" name="layout-tool" checked={toolId === t.id} onChange={() => setToolId(t.id)} />
              {t.label}
            </label>
          ))}
          {toolId === "paint" ? (
            <select aria-label="Category to paint" value={paint} onChange={(e) => setPaint(e.target.value)}>
              {value.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
        </fieldset>
        <p className={styles.muted}>{seatCount(value)} seats</p>
      </div>
      <CategoryPanel
        categories={value.categories}
        onChange={(i, change) => onChange(setCategory(value, i, change))}
        onAdd={() => onChange(addCategory(value))}
        onRemove={(i) => onChange(removeCategory(value, i))}
      />
      <LayoutGrid
        layout={value}
        onCell={(r, c) => onChange(applyTool(value, r, c, tool))}
        onRow={(r, change) => onChange(setRow(value, r, change))}
      />
      {problems.length ? (
        <ProblemList problems={problems} label="Layout problems" />
      ) : (
        <p className={styles.ok}>The layout is valid.</p>
      )}
    </div>
  );
}

const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.min(Math.max(Math.round(n), 1), max) : 1);
