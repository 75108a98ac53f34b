/**
 * Debian's Chromium (never a downloaded browser) through playwright-core, with helpers the
 * scenarios share: isolated contexts (each its own guest), screenshots, and booking steps.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
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
