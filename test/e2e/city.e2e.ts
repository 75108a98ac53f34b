/**
 * City first (issue #16): a visitor picks their city on the home page (or lets the browser tell
 * where they are), the grid and every showtime list keep to it, the header shows it on every page,
 * and the choice survives a reload and the next movie.
 */
import { describe, expect, inject, it } from "vitest";
import { LOAD, openPage, PHONE, suiteBrowser, tomorrowIso } from "./browser.ts";

const baseUrl = inject("baseUrl");
const { visit, visitor } = suiteBrowser(baseUrl);

const showCities = (page: import("playwright-core").Page) =>
  page.locator("article h3").evaluateAll((headings) => headings.map((h) => h.closest("article")?.textContent ?? ""));

describe("city first", () => {
  it("a chosen city filters the movies and every movie's showtimes, and is remembered", async () => {
    await visit(PHONE, async ({ page }) => {
      const asked: string[] = [];
      page.on("request", (req) => {
        const url = new URL(req.url());
        if (url.pathname.startsWith("/api/v1/movies")) asked.push(url.search);
      });
      await openPage(page, "/");
      await page.getByRole("heading", { name: "Where are you watching?" }).waitFor();
      await page.getByRole("button", { name: /^Hyderabad/ }).click();

      await page.getByRole("heading", { name: "Movies in Hyderabad" }).waitFor();
      expect(await page.getByRole("button", { name: "City: Hyderabad. Change city" }).isVisible()).toBe(true);
      await expect.poll(() => asked.some((q) => q.includes("city=Hyderabad"))).toBe(true);
      expect(await page.getByRole("heading", { name: "Where are you watching?" }).count()).toBe(0);

      // Every theatre on a movie's page is in Hyderabad, on this movie and the next one.
      const movieLinks = (await moviesPlayingIn("Hyderabad")).slice(0, 2).map((id) => `/movies/${id}`);
      expect(movieLinks.length).toBe(2);
      for (const href of movieLinks) {
        await openPage(page, `${href}?date=${tomorrowIso()}`);
        await page.locator("article h3").first().waitFor();
        const cards = await showCities(page);
        expect(cards.length).toBeGreaterThan(0);
        for (const card of cards) expect(card).toContain("Hyderabad");
      }

      // A reload keeps the choice; the header changes it.
      await page.reload(LOAD);
      await page.getByRole("button", { name: "City: Hyderabad. Change city" }).click();
      const mumbaiShows = page.waitForResponse((r) => r.url().includes("/shows?") && r.url().includes("city=Mumbai"));
      await page
        .getByRole("dialog", { name: "Choose your city" })
        .getByRole("button", { name: /^Mumbai/ })
        .click();
      await mumbaiShows;
      await page.getByRole("button", { name: "City: Mumbai. Change city" }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      for (const card of await showCities(page)) expect(card).toContain("Mumbai");
    });
  });

  it("'Use my location' picks the nearest city and lists its theatres nearest first", async () => {
    const { context, page } = await visitor(PHONE);
    try {
      // Koramangala, Bengaluru: Silverline (≈1 km) before Nandi Whitefield (≈14 km).
      await context.grantPermissions(["geolocation"]);
      await context.setGeolocation({ latitude: 12.9352, longitude: 77.6145 });
      await openPage(page, "/");
      await page.getByRole("button", { name: "Use my location" }).click();
      await page.getByRole("heading", { name: "Movies in Bengaluru" }).waitFor();

      const [movieId] = await moviesPlayingIn("Bengaluru");
      await openPage(page, `/movies/${movieId}?date=${tomorrowIso()}`);
      await page.locator("article h3").first().waitFor();
      const cards = await showCities(page);
      const distances = cards.map((c) => Number(/([\d.]+) km away/.exec(c)?.[1]));
      expect(distances.every(Number.isFinite)).toBe(true);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const card of cards) expect(card).toContain("Bengaluru");
    } finally {
      await context.close();
    }
  });
});

/** Movies with shows tomorrow in a city, from the API (the grid lists movies playing there on any day). */
async function moviesPlayingIn(city: string): Promise<string[]> {
  const get = async <T>(path: string) => (await (await fetch(`${baseUrl}/api/v1${path}`)).json()) as T;
  const { items } = await get<{ items: { id: string }[] }>(`/movies?pageSize=50&city=${city}`);
  const playing: string[] = [];
  for (const { id } of items) {
    const { shows } = await get<{ shows: unknown[] }>(`/movies/${id}/shows?date=${tomorrowIso()}&city=${city}`);
    if (shows.length > 0) playing.push(id);
  }
  return playing;
}
