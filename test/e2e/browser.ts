/**
 * Debian's Chromium (never a downloaded browser) through playwright-core, with helpers the
 * scenarios share: isolated contexts (each its own guest), screenshots, and booking steps.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  errors,
  type Page,
  type Request,
  type Response,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export const DESKTOP = { width: 1280, height: 800 };

/**
 * How the scenarios open pages: the app is usable at DOMContentLoaded (the steps then wait for what
 * they need); the full load event also waits for every poster, which on a busy machine can lag.
 */
export const LOAD = { waitUntil: "domcontentloaded" } as const;
export const PHONE = { width: 375, height: 812 };
/** The phone issue #16 was tried on (390×844, touch). */
export const PHONE_390 = { width: 390, height: 844 };

/** A page load that has not reached DOMContentLoaded by now is stalled, not slow (they take 1–3 s). */
const STALLED_NAVIGATION_MS = 15_000;

/**
 * Opens `url` as `page.goto(url, LOAD)` does — once more if the first load stalls, and says so.
 * About one navigation in a thousand to `wrangler dev` never reaches DOMContentLoaded (seen on `/`,
 * `/scan` and seat maps, quiet machine or loaded; the worker is not involved in `/assets/*`, and a
 * second load answers at once): a local dev-server stall, under investigation, not the app's. The
 * warning names the requests still unanswered, so each stall in CI's output is evidence.
 */
export async function openPage(page: Page, url: string): Promise<Response | null> {
  return withStallRetry(
    page,
    url,
    () => page.goto(url, { ...LOAD, timeout: STALLED_NAVIGATION_MS }),
    () => page.goto(url, LOAD),
  );
}

/**
 * Waits for a navigation the page makes itself (the provider's redirect back, a link) to reach
 * `glob` and DOMContentLoaded — the same stall rule as `openPage`: reloaded once if it stalls.
 */
export async function arriveAt(page: Page, glob: string): Promise<void> {
  await withStallRetry(
    page,
    glob,
    () => page.waitForURL(glob, { ...LOAD, timeout: STALLED_NAVIGATION_MS }),
    async () => {
      await page.reload(LOAD);
      await page.waitForURL(glob, LOAD);
    },
  );
}

/** `navigate`, with the page's unanswered requests tracked; on a stall, names them and runs `again`. */
async function withStallRetry<T>(
  page: Page,
  where: string,
  navigate: () => Promise<T>,
  again: () => Promise<T>,
): Promise<T> {
  const pending = new Set<Request>();
  const started = (r: Request) => pending.add(r);
  const ended = (r: Request) => pending.delete(r);
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    return await navigate();
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    const waiting = [...pending].map((r) => `${r.method()} ${r.url()}`).join(", ") || "nothing";
    console.warn(
      `[e2e] ${where} stalled ${STALLED_NAVIGATION_MS / 1000} s (still waiting on: ${waiting}); loading it again`,
    );
    return await again();
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
  }
}

type Viewport = { width: number; height: number };
type Whereabouts = { timezoneId: string; locale: string };
type Visitor = { context: BrowserContext; page: Page };

/** A fresh browser (Playwright gives it a throwaway profile: a fresh user-data-dir every launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A new visitor: own cookies and localStorage (so its own guest identity), India's clock and locale
 * unless `where` puts them elsewhere.
 */
export async function newVisitor(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = DESKTOP,
  where: Whereabouts = { timezoneId: "Asia/Kolkata", locale: "en-IN" },
): Promise<Visitor> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    ...where,
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  // Anything the app logs as an error is a bug worth seeing in the test output.
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

/**
 * One Chromium for a suite file: launched before its tests, closed after them. `visit` runs a step
 * as a new visitor and closes their context however the step ends; `visitor` opens one the test
 * closes itself (for scenarios with several visitors at once).
 */
export function suiteBrowser(baseURL: string) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const visitor = (viewport?: Viewport, where?: Whereabouts): Promise<Visitor> => {
    if (!browser) throw new Error("the suite's browser is not launched yet");
    return newVisitor(browser, baseURL, viewport, where);
  };
  async function visit<T>(
    viewport: Viewport | undefined,
    step: (visitor: Visitor) => Promise<T>,
    where?: Whereabouts,
  ): Promise<T> {
    const opened = await visitor(viewport, where);
    try {
      return await step(opened);
    } finally {
      await opened.context.close();
    }
  }
  return { visit, visitor };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // From the top, so sticky bars sit where a visitor first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  return file;
}

/** Tomorrow's date (IST): every seeded show then is still ahead, so bookable. */
export function tomorrowIso(): string {
  const now = new Date(Date.now() + 24 * 3600_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(now);
}
