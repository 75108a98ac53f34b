/**
 * Time running out, on a stack whose holds last seconds (SHORT_HOLD_TTL_SECONDS) and whose payment
 * window is SHORT_PAYMENT_WINDOW_SECONDS: the countdown follows the server's expiresAt, turns urgent, and at zero the
 * visitor is taken back to the seat map with the reason in words.
 */
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, LOAD, PHONE, screenshot, suiteBrowser } from "./browser.ts";
import * as flows from "./flows.ts";

const baseUrl = inject("shortTtlUrl");
const holdTtl = inject("shortHoldTtlSeconds");
const paymentWindow = inject("shortPaymentWindowSeconds");
const { visit } = suiteBrowser(baseUrl);

const RELEASED = "Your seats were released because time ran out";

describe("expiry", () => {
  it("an expired hold takes the visitor from checkout back to the seat map, with the reason", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 0);
    await visit(DESKTOP, async ({ page }) => {
      await flows.openSeatMap(page, show?.showId);
      const before = await flows.freeSeats(page).count();
      const [seatId] = await flows.pickSeatsByClicking(page, 1);
      await flows.continueToCheckout(page);

      // The countdown is the server's: seconds, not a client-side 5:00; urgent in the last minute.
      const timer = page.getByRole("timer");
      await timer.waitFor();
      const label = (await timer.getAttribute("aria-label")) ?? "";
      const seconds = Number(/(\d+) seconds?/.exec(label)?.[1]);
      expect(label).not.toMatch(/minute/);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(holdTtl);
      expect(await page.locator("[data-urgent]").count()).toBe(1);
      await screenshot(page, "desktop-checkout-urgent");

      // At zero: back to the map, told why.
      await page.waitForURL("**/shows/*/seats", { timeout: (holdTtl + 10) * 1000 });
      const alert = page.getByRole("alert").filter({ hasText: RELEASED });
      await alert.waitFor();
      await flows.waitForSeatMap(page);
      await screenshot(page, "desktop-seats-hold-expired");
      // The seat is free again and nothing is selected.
      await expect.poll(() => flows.freeSeats(page).count(), { timeout: 10_000 }).toBe(before);
      expect(await page.getByRole("button", { name: "Continue" }).isDisabled()).toBe(true);

      // The same seat, still free, is offered again with the reason, and one tap holds it again.
      const again = alert.getByRole("button", { name: `Hold ${seatId} again` });
      await again.waitFor();
      expect(await flows.textOf(alert)).toContain(`${seatId} is still free`);
      await again.click();
      await page.waitForURL("**/checkout/*");
      const summary = page.getByRole("complementary", { name: "Order summary" });
      await expect.poll(() => flows.textOf(summary)).toContain(seatId as string);

      // That hold runs out too: back at the map, told why again.
      await page.waitForURL("**/shows/*/seats", { timeout: (holdTtl + 10) * 1000 });
      await alert.waitFor();
      await flows.waitForSeatMap(page);

      // A reload does not bring the message back.
      await page.reload(LOAD);
      await flows.waitForSeatMap(page);
      expect(await page.getByText(RELEASED).count()).toBe(0);
    });
  });

  it("a payment window that runs out takes the visitor back to the seat map, with the reason", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 1);
    await visit(PHONE, async ({ page }) => {
      await flows.seatsToPayPage(page, show?.showId, 2);
      await page.getByRole("heading", { name: "Pay for your tickets" }).waitFor();
      expect(await page.getByRole("timer").getAttribute("aria-label")).toMatch(/^Complete payment in \d+ seconds?$/);
      await screenshot(page, "phone-pay-urgent");

      await page.waitForURL("**/shows/*/seats", { timeout: (paymentWindow + 10) * 1000 });
      await page.getByRole("alert").filter({ hasText: RELEASED }).waitFor();
      await page.getByText("Nothing was charged").waitFor();
    });
  });
});
