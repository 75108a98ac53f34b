/**
 * An address the web UI has no page for answers 404 (still the app, which says so), while its
 * pages answer 200 and its files are served from the assets (issue #16: "the 404 page answers 404
 * where the worker can tell").
 */
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, suiteBrowser } from "./browser.ts";

const baseUrl = inject("baseUrl");
const { visit } = suiteBrowser(baseUrl);

describe("page not found", () => {
  it("is a 404 with the app's own page; pages and bundles still answer 200", async () => {
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(await home.text())?.[1];
    expect(bundle).toBeDefined();
    const file = await fetch(`${baseUrl}${bundle}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${baseUrl}/bookings`)).status).toBe(200);

    await visit(DESKTOP, async ({ page }) => {
      const answer = await openPage(page, "/this-was-never-a-page");
      expect(answer?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: "This page isn't showing anywhere" }).waitFor();
      const movie = await openPage(page, "/movies/not-a-movie-id");
      expect(movie?.status()).toBe(404);
    });
  });
});
