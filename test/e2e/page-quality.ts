/**
 * What a page is like to use, measured in the browser: axe-core's violations (its source injected
 * from node_modules, never fetched) and the cumulative layout shift, summed from a
 * PerformanceObserver the way Core Web Vitals does (shifts right after input do not count).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Records every layout shift with the path it happened on, from the first paint of every document
 * the context opens (a client-side navigation keeps the observer; entries are filed by path).
 */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Source = { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] };
    const shifts: { path: string; value: number; nodes: string[] }[] = [];
    Object.defineProperty(window, "__layoutShifts", { value: shifts });
    // What moved, for the report: a failing page names its culprits.
    const describe = (node: Node | undefined) =>
      node instanceof Element ? `${node.tagName.toLowerCase()}.${String(node.className).split(" ")[0]}` : "?";
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        const nodes = (entry.sources ?? []).map(
          (s) =>
            `${describe(s.node)}(${Math.round(s.previousRect.x)},${Math.round(s.previousRect.y)} ${Math.round(s.previousRect.width)}x${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.x)},${Math.round(s.currentRect.y)} ${Math.round(s.currentRect.width)}x${Math.round(s.currentRect.height)}@${Math.round(entry.startTime)}ms)`,
        );
        shifts.push({ path: location.pathname, value: entry.value, nodes });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout-shift sum recorded on `path` so far (in this document), and the elements that moved. */
export async function layoutShiftOn(page: Page, path: string): Promise<{ sum: number; moved: string[] }> {
  // Two frames: shifts of the last paint reach the observer.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate((p) => {
    const all = (window as unknown as { __layoutShifts: { path: string; value: number; nodes: string[] }[] })
      .__layoutShifts;
    const here = all.filter((s) => s.path === p);
    const moved = here.filter((s) => s.value > 0.001).map((s) => `${s.value.toFixed(3)}:${s.nodes.join("+")}`);
    return { sum: here.reduce((sum, s) => sum + s.value, 0), moved };
  }, path);
}

/** axe-core on the whole document as it stands; the violations with their impact and nodes. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
    };
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`),
    }));
  });
}

/** Chromium's CPU throttling (4×: a mid-range phone), through the DevTools protocol. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/**
 * Each seat state's contrast against the card it sits on (WCAG 1.4.11, non-text: ≥ 3:1): the
 * stronger of its border and its fill, colours read back through a canvas so any CSS colour
 * syntax (color-mix included) resolves, translucent ones laid over the card first.
 */
export async function seatStateContrast(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!ctx) throw new Error("no canvas");
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data];
    };
    const over = (fg: number[], bg: number[]) => {
      const a = (fg[3] ?? 255) / 255;
      return [0, 1, 2].map((i) => (fg[i] ?? 0) * a + (bg[i] ?? 0) * (1 - a));
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const cardOf = (el: Element): number[] => {
      for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
        const bg = rgba(getComputedStyle(node).backgroundColor);
        if ((bg[3] ?? 0) === 255) return bg;
      }
      return [255, 255, 255, 255];
    };
    const result: Record<string, number> = {};
    for (const seat of Array.from(
      document.querySelectorAll("fieldset [data-look], [aria-label='Seat legend'] [data-look]"),
    )) {
      const look = seat.getAttribute("data-look") ?? "";
      if (look in result || look === "available-hover") continue;
      const style = getComputedStyle(seat);
      const card = cardOf(seat);
      const border = over(rgba(style.borderTopColor), card);
      // A striped fill (held) counts by its darker stripe colour: the custom property's last colour stop.
      const fill = style.backgroundImage !== "none" ? border : over(rgba(style.backgroundColor), card);
      result[look] = Math.max(ratio(border, card), ratio(fill, card));
    }
    return result;
  });
}
