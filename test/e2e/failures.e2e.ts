/**
 * Every failure has words: a lost connection while holding (and a retry that never makes a second
 * hold), rate limiting with its Retry-After, a server that is down, a token the API refuses.
 * Failures are made at the network layer of the browser (page.route) in front of the real stack.
 */
import type { Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, screenshot, suiteBrowser } from "./browser.ts";
import * as flows from "./flows.ts";

const baseUrl = inject("baseUrl");
const { visit } = suiteBrowser(baseUrl);

const isHoldPost = (req: Request) => req.method() === "POST" && new URL(req.url()).pathname === "/api/v1/holds";

describe("failures, in words", () => {
  it("offline while holding: says so, and the retry (same Idempotency-Key) makes exactly one hold", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 6);
    await visit(DESKTOP, async ({ page }) => {
      await flows.openSeatMap(page, show?.showId);
      await flows.pickSeatsByClicking(page, 2);

      const keys: string[] = [];
      let offline = true;
      await page.route("**/api/v1/holds", async (route) => {
        if (!isHoldPost(route.request())) return route.fallback();
        keys.push((await route.request().headerValue("idempotency-key")) ?? "");
        if (offline) return route.abort("internetdisconnected");
        return route.fallback();
      });

      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("alert").filter({ hasText: "You seem to be offline" }).waitFor();
      await flows.waitForText(page, "nothing was changed");
      expect(page.url()).toContain("/seats");
      await screenshot(page, "desktop-seats-offline");

      // Back online: "Try again" goes through with the same key as every earlier attempt.
      offline = false;
      await page.getByRole("button", { name: "Try again" }).click();
      await page.waitForURL("**/checkout/*");
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    });
  });

  it("rate limited: tells how long to wait (Retry-After) and holds the button until then", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 7);
    await visit(DESKTOP, async ({ page }) => {
      await flows.openSeatMap(page, show?.showId);
      await flows.pickSeatsByClicking(page, 1);
      await page.route("**/api/v1/holds", (route) =>
        isHoldPost(route.request())
          ? route.fulfill({
              status: 429,
              headers: { "Content-Type": "application/json", "Retry-After": "3" },
              body: JSON.stringify({
                error: { code: "RATE_LIMITED", message: "Too many requests; please slow down", retryAfterSeconds: 3 },
              }),
            })
          : route.fallback(),
      );
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("alert").filter({ hasText: "Too many tries in a short time" }).waitFor();
      await flows.waitForText(page, "Please wait 3 seconds, then try again.");
      expect(await page.getByRole("button", { name: /^Continue/ }).isDisabled()).toBe(true);
      await screenshot(page, "desktop-seats-rate-limited");
      // Once the wait is over, the button is back.
      await page.unroute("**/api/v1/holds");
      await expect
        .poll(() => page.getByRole("button", { name: "Continue" }).isEnabled(), { timeout: 6_000 })
        .toBe(true);
      await flows.continueToCheckout(page);
    });
  });

  it("server down (503) on the seat map: a page with words and a retry, never a blank screen", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 8);
    await visit(DESKTOP, async ({ page }) => {
      let down = true;
      await page.route("**/seatmap", (route) =>
        down
          ? route.fulfill({
              status: 503,
              headers: { "Content-Type": "application/json", "Retry-After": "2" },
              body: JSON.stringify({
                error: {
                  code: "SERVICE_UNAVAILABLE",
                  message: "The seat service is unavailable; please retry shortly",
                },
              }),
            })
          : route.fallback(),
      );
      await openPage(page, `/shows/${show?.showId}/seats`);
      await page.getByRole("heading", { name: "We're catching our breath" }).waitFor({ timeout: 20_000 });
      expect(await page.locator("body").textContent()).not.toContain("SERVICE_UNAVAILABLE");
      await screenshot(page, "desktop-seats-server-down");
      down = false;
      await page.getByRole("button", { name: "Try again" }).click();
      await flows.waitForSeatMap(page);
    });
  });

  it("a token the API no longer accepts is replaced once, without the visitor noticing", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 9);
    await visit(DESKTOP, async ({ page }) => {
      await openPage(page, "/");
      // A token from a previous life (wrong signature), not yet expired by its own account.
      await page.evaluate(() =>
        localStorage.setItem(
          "housefull.identity",
          JSON.stringify({ token: "not.a.valid-token", userId: "guest_old", expiresAt: "2999-01-01T00:00:00Z" }),
        ),
      );
      const guests: number[] = [];
      page.on("response", (res) => {
        if (res.url().endsWith("/api/v1/auth/guest")) guests.push(res.status());
      });
      await flows.openSeatMap(page, show?.showId);
      await flows.pickSeatsByClicking(page, 1);
      await flows.continueToCheckout(page);
      expect(guests).toEqual([201]);
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("housefull.identity") ?? "{}"));
      expect(stored.userId).toMatch(/^guest_/);
      expect(stored.userId).not.toBe("guest_old");
    });
  });
});
