/**
 * The seat map page as a phone on a slow network sees it: Chromium (playwright-core, Debian's
 * /usr/bin/chromium) with the CPU slowed 4× and DevTools' "Slow 3G" profile, a fresh profile per
 * visit (nothing cached), against the bench's local stack. Largest contentful paint of the first
 * visit, then the interaction latency of clicking seats (Event Timing: the longest of the clicks,
 * which is what INP is for a visit with this few interactions). Reported, never asserted.
 */
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser, PHONE } from "../../test/e2e/browser.ts";

/** DevTools' "Slow 3G": 2 s round trips, 50 kB/s each way. */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
export const CPU_SLOWDOWN = 4;

export interface WebVitalsVisit {
  lcpMs: number;
  lcpElement: string;
  /** The longest click → next paint of the seat clicks, ms. */
  inpMs: number;
  clicks: number;
}

export interface WebVitalsResult {
  page: string;
  visits: WebVitalsVisit[];
  lcpMs: number;
  inpMs: number;
}

/** Collects LCP and event timings from the first byte on; read back by `readVitals`. */
function observeVitals() {
  const w = window as unknown as { __vitals: { lcp: number; lcpElement: string; events: number[] } };
  w.__vitals = { lcp: 0, lcpElement: "", events: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      w.__vitals.lcp = entry.startTime;
      const el = entry.element;
      w.__vitals.lcpElement = el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className)}` : ""}` : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[])
      if (entry.interactionId) w.__vitals.events.push(entry.duration);
  }).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
}

const readVitals = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __vitals: { lcp: number; lcpElement: string; events: number[] } }).__vitals,
  );

async function slowDown(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  return cdp;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

export async function seatMapVitals(
  baseUrl: string,
  showId: string,
  opts: { visits: number; clicks: number },
  progress: (line: string) => void,
): Promise<WebVitalsResult> {
  const pagePath = `/shows/${showId}/seats`;
  const browser = await launchBrowser();
  const visits: WebVitalsVisit[] = [];
  try {
    for (let i = 0; i < opts.visits; i++) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, isMobile: true, hasTouch: false });
      try {
        const page = await context.newPage();
        await page.addInitScript(observeVitals);
        await slowDown(page);
        // The first visit's waterfall: on Slow 3G every request in a chain costs a 2 s round trip.
        const started = Date.now();
        const waterfall: string[] = [];
        if (i === 0)
          page.on("requestfinished", (r) =>
            waterfall.push(`${Date.now() - started} ms ${r.method()} ${new URL(r.url()).pathname}`),
          );
        await page.goto(pagePath, { waitUntil: "load", timeout: 180_000 });
        const freeSeat = () =>
          page.getByRole("button", { name: /^Row [A-Z]+ seat \d+,/, pressed: false, disabled: false }).nth(8);
        await freeSeat().waitFor({ timeout: 180_000 });
        // LCP is final at the first input; let late paints land first.
        await page.waitForTimeout(1_000);
        const { lcp, lcpElement } = await readVitals(page);
        for (const line of waterfall) progress(`web vitals visit 1 request done at ${line}`);
        for (let c = 0; c < opts.clicks; c++) {
          await freeSeat().click();
          await page.waitForTimeout(300);
        }
        await page.waitForTimeout(500);
        const { events } = await readVitals(page);
        visits.push({ lcpMs: lcp, lcpElement, inpMs: Math.max(0, ...events), clicks: opts.clicks });
        progress(
          `web vitals visit ${i + 1}/${opts.visits}: LCP ${lcp.toFixed(0)} ms, INP ${Math.max(0, ...events)} ms`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    page: pagePath,
    visits,
    lcpMs: median(visits.map((v) => v.lcpMs)),
    inpMs: median(visits.map((v) => v.inpMs)),
  };
}

export function webVitalsMarkdown(r: WebVitalsResult): string {
  return [
    `Seat map page (\`${r.page.replace(/[0-9a-f-]{36}/, "{showId}")}\`, Chromium, CPU ×${CPU_SLOWDOWN} slower, Slow 3G ` +
      `(${SLOW_3G.latency} ms RTT, ${SLOW_3G.downloadThroughput / 1000} kB/s), nothing cached, ${r.visits.length} visits): ` +
      `**LCP ${r.lcpMs.toFixed(0)} ms**, **INP ${r.inpMs.toFixed(0)} ms** (medians; per visit LCP ` +
      `${r.visits.map((v) => v.lcpMs.toFixed(0)).join(", ")} ms on ${r.visits[0]?.lcpElement || "?"}, INP ` +
      `${r.visits.map((v) => v.inpMs.toFixed(0)).join(", ")} ms over ${r.visits[0]?.clicks ?? 0} seat clicks).`,
    "",
  ].join("\n");
}
