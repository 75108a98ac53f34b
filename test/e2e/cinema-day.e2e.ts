/**
 * The cinema's calendar, not the browser's. At 22:00 in New York it is already 08:30 the next
 * morning in India: a visitor there must see India's day as "Today" and its shows, and the seat
 * map's way back must lead to the show's own (Indian) date. The browser's clock is fixed to that
 * moment; the stack keeps real time, so the Indian day chosen is tomorrow (all its shows ahead).
 */
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, suiteBrowser, tomorrowIso } from "./browser.ts";
import { bookableShows, waitForSeatMap } from "./flows.ts";

const baseUrl = inject("baseUrl");
const { visit } = suiteBrowser(baseUrl);

const dateIn = (timeZone: string, instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);

describe("a visitor outside India", () => {
  it("late evening in New York: the movie page lists India's today, and the seat map leads back to it", async () => {
    const cinemaDay = tomorrowIso();
    const visitorNow = new Date(`${cinemaDay}T08:30:00+05:30`);
    // The premise: the visitor's own calendar is still on the day before.
    expect(dateIn("America/New_York", visitorNow)).not.toBe(cinemaDay);
    const [show] = await bookableShows(baseUrl, 1);
    const movieId = show?.movieId as string;

    const newYork = { timezoneId: "America/New_York", locale: "en-US" };
    await visit(
      DESKTOP,
      async ({ page }) => {
        await page.clock.setFixedTime(visitorNow);
        const askedDates: (string | null)[] = [];
        page.on("request", (req) => {
          const url = new URL(req.url());
          if (url.pathname === `/api/v1/movies/${movieId}/shows`) askedDates.push(url.searchParams.get("date"));
        });
        await openPage(page, `/movies/${movieId}`);

        // "Today" is India's day: its weekday and date, and it is the day the page asks for.
        // The chip is named by what it shows ("Today 2 Dec"); its title gives the full date.
        const today = page.getByRole("link", { name: /^Today \d/ });
        await today.waitFor();
        const wallClock = new Date(`${cinemaDay}T00:00:00Z`);
        const weekday = new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone: "UTC" }).format(wallClock);
        const dayOfMonth = String(wallClock.getUTCDate());
        const todayTitle = (await today.getAttribute("title")) ?? "";
        expect(todayTitle).toContain(weekday);
        expect(todayTitle).toMatch(new RegExp(`\\b${dayOfMonth}\\b`));
        await expect.poll(() => askedDates[0], { timeout: 10_000 }).toBe(cinemaDay);

        // And it lists that day's shows.
        const showLink = page.locator('a[href^="/shows/"]').first();
        await showLink.waitFor();
        expect(await page.getByText("No more shows today").count()).toBe(0);

        // The seat map's "Showtimes" link goes back to the show's date at the cinema.
        const showId = /\/shows\/([^/]+)\/seats/.exec((await showLink.getAttribute("href")) ?? "")?.[1];
        const detail = (await (await fetch(`${baseUrl}/api/v1/shows/${showId}`)).json()) as { startTime: string };
        await showLink.click();
        await page.waitForURL("**/shows/*/seats");
        await waitForSeatMap(page);
        const back = page.getByRole("link", { name: "Showtimes" });
        expect(await back.getAttribute("href")).toBe(
          `/movies/${movieId}?date=${dateIn("Asia/Kolkata", new Date(detail.startTime))}`,
        );
      },
      newYork,
    );
  });
});
