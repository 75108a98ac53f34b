/**
 * The phone journey as a page-by-page quality check (issue #16, item 7): at 390×844 with touch and
 * 4× CPU throttling, every page from the home page to My bookings (and sign-in, and a 404) has no
 * critical or serious axe-core violation, and its layout-shift sum stays within 0.1. Then item 8:
 * the booking, cancelled, moves from "Upcoming" to "Past and cancelled" with its refund in words.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, PHONE_390, SCREENSHOTS, suiteBrowser, tomorrowIso } from "./browser.ts";
import * as flows from "./flows.ts";
import {
  type AxeViolation,
  axeViolations,
  layoutShiftOn,
  recordLayoutShifts,
  seatStateContrast,
  throttleCpu,
} from "./page-quality.ts";

const baseUrl = inject("baseUrl");
const { visitor } = suiteBrowser(baseUrl);

const CLS_BUDGET = 0.1;

interface PageQuality {
  cls: number;
  moved: string[];
  violations: AxeViolation[];
}

/** A bookable show tomorrow whose theatre lets paid bookings be cancelled (for the refund part). */
async function cancellableShow() {
  for (const pick of await flows.bookableShows(baseUrl, 8, 2)) {
    const show = (await (await fetch(`${baseUrl}/api/v1/shows/${pick.showId}`)).json()) as {
      cancellation: { until: string } | null;
      theatre: { city: string | null };
    };
    if (show.cancellation && show.theatre.city) return { ...pick, city: show.theatre.city };
  }
  throw new Error("no cancellable show tomorrow");
}

describe("the phone journey, page by page", () => {
  it("reserves the first visit's space: no city yet, fresh storage — layout-shift sum ≤ 0.1, no serious axe violation", async () => {
    // The visit before any city is chosen (nothing in localStorage): the city picker and the movie
    // grid both arrive after the first paint. (It shifted 0.286: the count wrapping under the
    // heading when it arrived, the city placeholders shorter than the cities; and the header's
    // city button was named "Choose your city" while it read "Choose city".)
    const { context, page } = await visitor(PHONE_390);
    try {
      await recordLayoutShifts(context);
      await throttleCpu(page, 4);
      await openPage(page, "/");
      await page.getByRole("heading", { name: "Where are you watching?" }).waitFor();
      await page.getByRole("list", { name: "Cities" }).getByRole("button").first().waitFor();
      await page.getByRole("heading", { name: "Movies now showing" }).waitFor();
      await page.locator("main a[href^='/movies/']").first().waitFor();
      await settled(page);
      const { sum, moved } = await layoutShiftOn(page, "/");
      const violations = await axeViolations(page);
      writeReport(new Map([["first visit", { cls: sum, moved, violations }]]), "journey-quality-first-visit.json");
      const serious = violations.filter((v) => v.impact === "critical" || v.impact === "serious");
      expect.soft(serious, "first visit: critical/serious axe violations").toEqual([]);
      expect(sum, `first visit: layout-shift sum (moved: ${moved.join(" ")})`).toBeLessThanOrEqual(CLS_BUDGET);
    } finally {
      await context.close();
    }
  });

  it("has no critical or serious axe violation and a layout-shift sum ≤ 0.1 on every page", async () => {
    const show = await cancellableShow();
    const { context, page } = await visitor(PHONE_390);
    // A Map: "404" would otherwise sort first as an integer-like key.
    const report = new Map<string, PageQuality>();
    const measure = async (name: string) => {
      const where = new URL(page.url()).pathname;
      const { sum, moved } = await layoutShiftOn(page, where);
      report.set(name, { cls: sum, moved, violations: await axeViolations(page) });
    };
    try {
      await recordLayoutShifts(context);
      await context.addInitScript((city) => {
        localStorage.setItem("housefull.city", JSON.stringify({ city, position: null }));
      }, show.city);
      await throttleCpu(page, 4);

      await openPage(page, "/");
      await page.getByRole("heading", { name: `Movies in ${show.city}` }).waitFor();
      await page.getByRole("link", { name: show.movieTitle }).first().waitFor();
      await settled(page);
      await measure("home");

      await openPage(page, `/movies/${show.movieId}?date=${tomorrowIso()}`);
      await page.locator(`a[href="/shows/${show.showId}/seats"]`).waitFor();
      await settled(page);
      await measure("movie");

      await flows.openSeatMap(page, show.showId);
      await settled(page);
      const seatIds = await flows.pickSeatsByClicking(page, 2);
      await measure("seat map");
      // Seat states differ in contrast, not only in colour: each ≥ 3:1 against the card.
      const contrast = await seatStateContrast(page);
      console.log(
        `[quality] seat states vs card: ${JSON.stringify(contrast, (_, v) => (typeof v === "number" ? Number(v.toFixed(2)) : v))}`,
      );
      expect(Object.keys(contrast).sort()).toEqual(["available", "booked", "held", "selected", "yours"]);
      for (const [look, ratio] of Object.entries(contrast))
        expect.soft(ratio, `${look} seat contrast`).toBeGreaterThanOrEqual(3);
      await flows.continueToCheckout(page);

      await page.getByRole("heading", { name: "Order summary" }).waitFor();
      await page.getByLabel("Full name").waitFor();
      await settled(page);
      await measure("checkout");
      const summary = await flows.textOf(page.getByRole("complementary", { name: "Order summary" }));
      expect(summary).toMatch(/Cancellable until \d{1,2}:\d{2}/);
      await flows.fillCheckout(page);
      await flows.continueToPay(page);

      await page.getByRole("heading", { name: "Pay for your tickets" }).waitFor();
      const payButton = page.getByRole("button", { name: /^Pay ₹/ });
      await payButton.waitFor();
      await settled(page);
      await measure("pay");
      expect(await flows.textOf(page.locator("main"))).toMatch(/Cancellable until \d{1,2}:\d{2}/);
      await payButton.click();
      await flows.payOnSandbox(page);

      await page.waitForURL("**/tickets/*");
      const code = await flows.textOf(page.getByTestId("ticket-code"));
      expect(code).toMatch(flows.TICKET_CODE);
      await settled(page);
      await measure("ticket");
      expect(await flows.textOf(page.getByRole("article"))).toMatch(/Cancellable until \d{1,2}:\d{2}/);

      await openPage(page, "/bookings");
      const upcoming = page.getByRole("region", { name: "Upcoming" });
      const booking = upcoming.getByRole("article").filter({ hasText: code });
      await booking.waitFor();
      await settled(page);
      await measure("my bookings");

      await openPage(page, "/sign-in");
      await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
      await settled(page);
      await measure("sign-in");

      await openPage(page, "/this-was-never-a-page");
      await page.getByRole("heading", { name: "This page isn't showing anywhere" }).waitFor();
      await settled(page);
      await measure("404");

      // My bookings (item 8): cancelled, the booking leaves "Upcoming" and says what comes back, when.
      await openPage(page, "/bookings");
      await booking.getByRole("button", { name: "Cancel booking" }).click();
      await page.getByRole("button", { name: "Yes, cancel booking" }).click();
      const past = page.getByRole("region", { name: "Past and cancelled" });
      const cancelled = past.getByRole("article").filter({ hasText: seatIds.join(", ") });
      await cancelled.waitFor();
      expect(await upcoming.getByRole("article").filter({ hasText: code }).count()).toBe(0);
      const words = await flows.textOf(cancelled);
      expect(words).toContain("Cancelled");
      expect(words).toMatch(/(Refund on its way|Refunded)\s?₹\s?[\d,.]+/);
      expect(words).toContain("working days");
    } finally {
      writeReport(report);
      await context.close();
    }

    for (const [name, quality] of report) {
      const serious = quality.violations.filter((v) => v.impact === "critical" || v.impact === "serious");
      expect.soft(serious, `${name}: critical/serious axe violations`).toEqual([]);
      expect.soft(quality.cls, `${name}: layout-shift sum`).toBeLessThanOrEqual(CLS_BUDGET);
    }
    expect([...report.keys()]).toEqual([
      "home",
      "movie",
      "seat map",
      "checkout",
      "pay",
      "ticket",
      "my bookings",
      "sign-in",
      "404",
    ]);
  });
});

/** Nothing loading any more (no busy region, no skeleton), and a moment for late images and fonts. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .skeleton'));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(700);
}

/** One line per page in the test output, and the whole report next to the screenshots. */
function writeReport(report: Map<string, PageQuality>, file = "journey-quality.json"): void {
  for (const [name, q] of report) {
    const count = (impact: string) => q.violations.filter((v) => v.impact === impact).length;
    const ids = q.violations.map((v) => `${v.id}(${v.impact}×${v.nodes.length})`).join(" ");
    console.log(
      `[quality] ${name.padEnd(12)} CLS ${q.cls.toFixed(3)} · axe critical ${count("critical")} serious ${count("serious")} moderate ${count("moderate")} ${ids}${q.moved.length ? ` · moved ${q.moved.join(" ")}` : ""}`,
    );
  }
  const dir = path.dirname(SCREENSHOTS);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), JSON.stringify(Object.fromEntries(report), null, 2));
}
