/**
 * Paying the way a customer does, on the "short" stack (seconds-long holds and payment window): the
 * app sends the browser to the payment sandbox's hosted page (Stripe Checkout's stand-in), and only
 * the signed webhook the sandbox pushes to the worker confirms the order.
 * - "Pay" → back in the app, "issuing your ticket…" (the webhook held back a moment) → the ticket.
 * - "Decline" → the sandbox says so; its cancel link → the app, still payable with its countdown;
 *   then the window runs out, the seats free up and the provider session is closed.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, screenshot, suiteBrowser } from "./browser.ts";
import * as flows from "./flows.ts";

const baseUrl = inject("shortTtlUrl");
const sandboxUrl = inject("shortPaymentSandboxUrl");
const paymentWindow = inject("shortPaymentWindowSeconds");
/** How long the sandbox holds back each webhook: long enough to see "issuing your ticket". */
const WEBHOOK_DELAY_MS = 3_000;
const { visit } = suiteBrowser(baseUrl);

afterEach(async () => {
  await flows.sandboxSwitches(sandboxUrl, { delayMs: 0 });
});

/** Seats → checkout → the pay page, on a show of its own; returns the seats. */
async function toThePayPage(page: Page, skip: number): Promise<{ showId: string; seatIds: string[] }> {
  // The expiry scenarios take the first shows of this stack.
  const [show] = await flows.bookableShows(baseUrl, 1, skip);
  if (!show) throw new Error("no bookable show");
  const seatIds = await flows.seatsToPayPage(page, show.showId, 2);
  await page.getByRole("heading", { name: "Pay for your tickets" }).waitFor();
  return { showId: show.showId, seatIds };
}

describe("paying on the provider's page", () => {
  it('"Pay" → back in the app → "issuing your ticket…" → the ticket', async () => {
    await visit(DESKTOP, async ({ page }) => {
      const { seatIds } = await toThePayPage(page, 2);
      await flows.sandboxSwitches(sandboxUrl, { delayMs: WEBHOOK_DELAY_MS });
      await page.getByRole("button", { name: /^Pay ₹/ }).click();
      await flows.payOnSandbox(page);

      // Back at the success URL before the webhook: the money is the provider's word, not a ticket yet.
      await page.waitForURL("**/orders/*/paid**");
      await page.getByRole("heading", { name: "Payment received — issuing your ticket…" }).waitFor();
      await screenshot(page, "desktop-paid-issuing");

      await page.waitForURL("**/tickets/*", { timeout: WEBHOOK_DELAY_MS + 15_000 });
      const code = await flows.textOf(page.getByTestId("ticket-code"));
      expect(code).toMatch(flows.TICKET_CODE);
      const ticket = await flows.textOf(page.getByRole("article"));
      for (const id of seatIds) expect(ticket).toContain(id);
      expect(await flows.textOf(page.getByTestId("receipt"))).toContain("Convenience fee");
    });
  });

  it('"Decline" → still payable until the window closes, then the seats free up', async () => {
    await visit(DESKTOP, async ({ page }) => {
      const { showId, seatIds } = await toThePayPage(page, 3);
      await page.getByRole("button", { name: /^Pay ₹/ }).click();
      await flows.declineOnSandbox(page);
      const checkoutUrl = page.url().replace(/\/decline$/, "");
      await screenshot(page, "desktop-sandbox-declined");

      // The sandbox's cancel link: the app's pay page, the order still payable, its clock running.
      await page.getByRole("link", { name: /Back to the merchant/ }).click();
      await page.waitForURL("**/orders/*/pay");
      await page.getByText("The payment wasn't completed").waitFor();
      expect(await page.getByRole("timer").getAttribute("aria-label")).toMatch(/^Complete payment in \d+ seconds?$/);
      expect(await page.getByRole("button", { name: /^Pay ₹/ }).isEnabled()).toBe(true);
      await screenshot(page, "desktop-pay-after-decline");

      // The window runs out: back to the map, told why; the seats are free again.
      await page.waitForURL("**/shows/*/seats", { timeout: (paymentWindow + 10) * 1000 });
      await page.getByRole("alert").filter({ hasText: "Your seats were released because time ran out" }).waitFor();
      await flows.waitForSeatMap(page);
      for (const id of seatIds) {
        await expect
          .poll(() => flows.seat(page, id).getAttribute("aria-label"), { timeout: 15_000 })
          .toMatch(/, available, /);
      }
      expect(page.url()).toContain(showId);

      // The cron expires the order and closes its provider session: the checkout page takes no money.
      await expect
        .poll(
          async () => {
            await fetch(`${baseUrl}/__scheduled?cron=*+*+*+*+*`);
            await openPage(page, checkoutUrl);
            return page.getByRole("button", { name: "Pay", exact: true }).count();
          },
          { timeout: 20_000, interval: 1_000 },
        )
        .toBe(0);
      await page.getByText("This checkout session has expired").waitFor();
      expect(await page.getByRole("button", { name: "Decline", exact: true }).count()).toBe(0);
    });
  });
});
