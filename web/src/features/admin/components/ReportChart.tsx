import type { ReportRow } from "@housefull/shared";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/**
 * Gross and refunds per report line as bars, net as a line, drawn by uPlot (canvas; ~20 KB gzipped,
 * in the admin chunk only). The table under it carries the same figures for screen readers.
 */
export function ReportChart({ rows }: { rows: ReportRow[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || rows.length === 0) return;
    const x = rows.map((_, i) => i);
    const rupees = (key: "gross" | "refunds" | "net") => rows.map((r) => Number(r[key]));
    const bars = uPlot.paths.bars;
    // Refunds drawn narrower over gross, so both read at once; net as a line across them.
    const bar = (label: string, stroke: string, fill: string, size: number): uPlot.Series => ({
      label,
      stroke,
      fill,
      paths: bars?.({ size: [size, 80] }),
      points: { show: false },
    });
    const chart = new uPlot(
      {
        width: Math.max(el.clientWidth, 320),
        height: 260,
        scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => rows[t]?.label.slice(0, 18) ?? ""), splits: () => x },
          { values: (_u, ticks) => ticks.map((t) => `₹${t}`) },
        ],
        series: [
          {},
          bar("Gross", "#15803d", "rgba(21,128,61,0.55)", 0.6),
          bar("Refunds", "#c81e1e", "rgba(200,30,30,0.75)", 0.3),
          { label: "Net", stroke: "#2563eb", width: 2 },
        ],
      },
      [x, rupees("gross"), rupees("refunds"), rupees("net")],
      el,
    );
    return () => chart.destroy();
  }, [rows]);
  return <div ref={box} role="img" aria-label="Gross, refunds and net per line" data-testid="report-chart" />;
}
