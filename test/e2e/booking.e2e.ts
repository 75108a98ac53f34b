/**
 * The booking flow in a real browser against the real stack: movies → movie → seats → checkout →
 * payment → ticket → My bookings, at desktop and phone widths (with screenshots of every page), two
 * visitors racing for one seat, and a keyboard-only seat pick.
 */
import type { Page, Response } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, PHONE, SCREENSHOTS, screenshot, suiteBrowser } from "./browser.ts";
import {
  bookableShows,
  continueToCheckout,
  fillCheckout,
  freeSeats,
  hallScroller,
  onSandboxCheckout,
  openSeatMap,
  pageWidthOverflow,
  payOnSandbox,
  pickSeatsByClicking,
  seat,
  seatIdOf,
  seatsToPayPage,
  selectedSeats,
  selectionText,
  TICKET_CODE,
  textOf,
  waitForSeatMap,
  waitForText,
} from "./flows.ts";

const baseUrl = inject("baseUrl");
const { visit, visitor } = suiteBrowser(baseUrl);

interface Movie {
  id: string;
  title: string;
}

/** Two movies with bookable shows tomorrow, found the way the UI lists them. */
async function moviesToBook(): Promise<[Movie, Movie]> {
  const shows = await bookableShows(baseUrl, 2);
  return shows.map((s) => ({ id: s.movieId, title: s.movieTitle })) as [Movie, Movie];
}

/**
 * From the movie list to the ticket, the way a visitor does it; a screenshot of every page
 * (`<size>-<n>-<page>.png`). Returns the ticket code and the seats.
 */
async function bookFromTheMovieList(page: Page, movie: Movie, size: "desktop" | "phone") {
  const shot = async (n: number, name: string) => {
    expect(await pageWidthOverflow(page), `${name} scrolls sideways at ${size} width`).toBeLessThanOrEqual(0);
    await screenshot(page, `${size}-${n}-${name}`);
  };

  // Movies: search for the title (the grid filters as you type).
  await openPage(page, "/");
  await page.getByRole("link", { name: movie.title }).first().waitFor();
  await shot(1, "movies");
  await page.getByRole("searchbox", { name: "Search movies" }).fill(movie.title);
  await page.waitForURL((url) => url.searchParams.get("q") === movie.title);
  const card = page.getByRole("link", { name: movie.title, exact: true });
  await card.waitFor();
  await card.click();

  // Movie page: tomorrow, then the first show time.
  await page.waitForURL(`**/movies/${movie.id}**`);
  await page.getByRole("heading", { level: 1, name: movie.title }).waitFor();
  await page.getByRole("link", { name: /^Tomorrow \d/ }).click();
  await page.waitForURL((url) => url.searchParams.has("date"));
  const showLink = page.locator('a[href^="/shows/"]').first();
  await showLink.waitFor();
  await shot(2, "movie");
  await showLink.click();

  // Seat map: two seats by clicking, the bar shows them with the total.
  await page.waitForURL("**/shows/*/seats");
  await waitForSeatMap(page);
  const seatIds = await pickSeatsByClicking(page, 2);
  const bar = await selectionText(page);
  expect(bar).toContain("2 seats");
  expect(bar).toContain(seatIds.join(", "));
  expect(bar).toMatch(/₹\s?[\d,]+/);
  await shot(3, "seats");
  await page.getByRole("button", { name: "Continue" }).click();

  // Checkout: the summary, the countdown, field messages from the shared schema, then a valid form.
  await page.waitForURL("**/checkout/*");
  await page.getByRole("heading", { name: "Order summary" }).waitFor();
  await page.getByRole("timer").waitFor();
  expect(await page.getByRole("timer").getAttribute("aria-label")).toMatch(/^Seats held for [45] minutes?/);
  const summary = await textOf(page.getByRole("complementary", { name: "Order summary" }));
  for (const id of seatIds) expect(summary).toContain(id);
  expect(summary).toContain(movie.title);
  expect(summary).toContain("India Standard Time");
  await fillCheckout(page, { name: "A", email: "asha@", phone: "12" });
  await page.getByRole("button", { name: /^Continue to pay/ }).click();
  await waitForText(page, "Enter your full name");
  await waitForText(page, "Enter a valid email address");
  await waitForText(page, "Enter a valid phone number");
  expect(await page.getByLabel("Full name").evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
  await fillCheckout(page);
  expect(await page.getByText("Enter a valid email address").count()).toBe(0);
  await shot(4, "checkout");
  await page.getByRole("button", { name: /^Continue to pay/ }).click();

  // Payment: a countdown, the itemised receipt, "Pay ₹X".
  await page.waitForURL("**/orders/*/pay");
  await page.getByRole("heading", { name: "Pay for your tickets" }).waitFor();
  expect(await page.getByRole("timer").getAttribute("aria-label")).toMatch(/^Complete payment in/);
  const payButton = page.getByRole("button", { name: /^Pay ₹/ });
  await payButton.waitFor();
  const amount = (await textOf(payButton)).replace(/^Pay\s*/, "");
  const receipt = await textOf(page.getByTestId("receipt"));
  for (const id of seatIds) expect(receipt).toContain(id);
  expect(receipt).toContain("Convenience fee");
  expect(receipt).toContain(`Total${amount}`);
  await shot(5, "pay");
  await payButton.click();

  // The provider's checkout page (the sandbox), its real "Pay" button; then back in the app.
  await onSandboxCheckout(page);
  const rupees = (text: string) => Number(text.replace(/[₹,\s]/g, ""));
  expect(rupees(await textOf(page.getByTestId("amount")))).toBe(rupees(amount));
  await screenshot(page, `${size}-5b-sandbox-checkout`);
  await payOnSandbox(page);

  // Ticket: the code, big (after "issuing your ticket…", as long as the webhook takes).
  await page.waitForURL("**/tickets/*");
  const codeText = page.getByTestId("ticket-code");
  await codeText.waitFor();
  const code = (await textOf(codeText)).trim();
  expect(code).toMatch(TICKET_CODE);
  const ticket = await textOf(page.getByRole("article"));
  expect(ticket).toContain(movie.title);
  for (const id of seatIds) expect(ticket).toContain(id);
  expect(ticket).toContain(amount);
  await shot(6, "ticket");
  // Printable: on paper only the ticket (no header, footer or buttons).
  await page.emulateMedia({ media: "print" });
  expect(await page.locator('header[data-print="hide"]').isVisible()).toBe(false);
  expect(await page.getByRole("button", { name: "Print ticket" }).isVisible()).toBe(false);
  expect(await page.getByTestId("ticket-code").isVisible()).toBe(true);
  await screenshot(page, `${size}-6b-ticket-print`);
  await page.emulateMedia({ media: "screen" });
  // The order's pay page (Back, an old link, the provider's cancel link) now leads straight to the ticket.
  const ticketUrl = page.url();
  await openPage(page, ticketUrl.replace(/\/tickets\/([^/?#]+).*$/, "/orders/$1/pay"));
  await page.waitForURL(ticketUrl);
  await page.getByTestId("ticket-code").waitFor();

  // My bookings: the same booking, confirmed, with its code.
  await page.getByRole("link", { name: "My bookings" }).first().click();
  await page.waitForURL("**/bookings");
  await page.getByRole("heading", { name: "My bookings", level: 1 }).waitFor();
  const booking = page.getByRole("article").filter({ hasText: code });
  await booking.waitFor();
  expect(await textOf(booking)).toContain("Confirmed");
  // Its itemised receipt, one click away.
  await booking.locator("summary", { hasText: "Receipt" }).click();
  expect(await textOf(booking.getByTestId("receipt"))).toContain("Convenience fee");
  await shot(7, "bookings");
  return { code, seatIds };
}

describe("booking from the movie list to the ticket", () => {
  it("desktop (1280×800): search, date, show, two seats, checkout, pay, ticket, My bookings", async () => {
    const [movie] = await moviesToBook();
    await visit(DESKTOP, async ({ page }) => {
      // The seat map polls with If-None-Match; unchanged maps come back as bodiless 304s.
      const seatMapStatuses: number[] = [];
      page.on("response", (res: Response) => {
        if (res.url().includes("/seatmap")) seatMapStatuses.push(res.status());
      });
      const { code } = await bookFromTheMovieList(page, movie, "desktop");
      expect(code).toMatch(TICKET_CODE);
      expect(seatMapStatuses[0]).toBe(200);
    });
  });

  it("phone (375×812): the same flow, nothing wider than the screen", async () => {
    const [, movie] = await moviesToBook();
    await visit(PHONE, async ({ page }) => {
      const { code } = await bookFromTheMovieList(page, movie, "phone");
      expect(code).toMatch(TICKET_CODE);
    });
  });
});

/** A promise and what settles it: a request held until something else has happened. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((done) => {
    open = done;
  });
  return { opened, open };
}

/** A show with seats to book (at least four free). */
async function aBookableShow(): Promise<string> {
  const [show] = await bookableShows(baseUrl, 1, 4);
  if (!show?.showId) throw new Error("no bookable show");
  return show.showId;
}

describe("between pages", () => {
  it("keeps the current page up until the next page's code has arrived, and asks the seat page's data beside its code", async () => {
    const showId = await aBookableShow();
    await visit(DESKTOP, async ({ page }) => {
      // The seat page's first reads, as requests: a map read without an ETag, and the show.
      const firstReads: string[] = [];
      const mapAsked = gate();
      page.on("request", (req) => {
        const { pathname } = new URL(req.url());
        if (pathname === `/api/v1/shows/${showId}`) firstReads.push("show");
        if (pathname === `/api/v1/shows/${showId}/seatmap` && !req.headers()["if-none-match"]) {
          firstReads.push("map");
          mapAsked.open();
        }
      });
      // The page's code waits until the map has been asked for: a map the page itself asked for would
      // never come. The map's answer waits until the page is up, so the page mounts while it is under way.
      const pageUp = gate();
      await page.route("**/assets/SeatsPage-*.js", async (route) => {
        await mapAsked.opened;
        await route.continue();
      });
      await page.route(`**/api/v1/shows/${showId}/seatmap**`, async (route) => {
        await pageUp.opened;
        await route.continue();
      });
      await openPage(page, `/shows/${showId}/seats`);
      await page.getByRole("heading", { name: "Choose your seats" }).waitFor();
      pageUp.open();
      await waitForSeatMap(page);
      // One request each: the page, mounting with the map under way, waited for it instead of asking again.
      expect(firstReads.filter((r) => r === "map")).toHaveLength(1);
      expect(firstReads.filter((r) => r === "show")).toHaveLength(1);

      // Back to the showtimes, with the movie page's code held: the seat page stays up meanwhile (no
      // spinner in its place), a bar along the top says a page is on its way; then the movie page.
      const release = gate();
      const moviePageAsked = gate();
      await page.route("**/assets/MoviePage-*.js", async (route) => {
        moviePageAsked.open();
        await release.opened;
        await route.continue();
      });
      await page.getByRole("link", { name: "Showtimes" }).click();
      await moviePageAsked.opened;
      await page.waitForURL("**/movies/**");
      expect(await page.getByRole("heading", { name: "Choose your seats" }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.hasAttribute("data-navigating"))).toBe(true);
      release.open();
      await page.getByRole("heading", { name: "Showtimes", exact: true }).waitFor();
      expect(await page.getByRole("heading", { name: "Choose your seats" }).count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.hasAttribute("data-navigating")))
        .toBe(false);
    });
  });
});

describe("the seat page opened cold", () => {
  it("asks for its code and its show and seat map before the entry's code has run", async () => {
    const showId = await aBookableShow();
    await visit(PHONE, async ({ page }) => {
      const asked = new Set<string>();
      const allAsked = gate();
      const wanted = ["SeatsPage", "shop", "query", "map", "show"];
      page.on("request", (req) => {
        const { pathname } = new URL(req.url());
        const chunk = /^\/assets\/(SeatsPage|shop|query)-[\w-]+\.js$/.exec(pathname)?.[1];
        if (chunk) asked.add(chunk);
        if (pathname === `/api/v1/shows/${showId}/seatmap`) asked.add("map");
        if (pathname === `/api/v1/shows/${showId}`) asked.add("show");
        if (wanted.every((w) => asked.has(w))) allAsked.open();
      });
      // The entry is held until all of them have been asked for: what only the running entry would
      // ask for (as before the page's own HTML, web/page-html.ts) would never come.
      await page.route("**/assets/index-*.js", async (route) => {
        await allAsked.opened;
        await route.continue();
      });
      await openPage(page, `/shows/${showId}/seats`);
      await waitForSeatMap(page);
      expect([...asked].sort()).toEqual([...wanted].sort());
    });
  });
});

describe("the seat map", () => {
  it("of a big hall opens whole on a phone, zooms to finger-sized seats and pans inside its own box, never the page", async () => {
    const [show] = await bookableShows(baseUrl, 1, 0, { widest: true });
    await visit(PHONE, async ({ page }) => {
      await openSeatMap(page, show?.showId);
      // Fitted to the width: every seat in view at first (the fit follows the hall's first measure).
      await expect
        .poll(async () => {
          const { scrollWidth, clientWidth } = await hallScroller(page);
          return scrollWidth - clientWidth;
        })
        .toBeLessThanOrEqual(1);
      const fitted = await hallScroller(page);
      expect(await pageWidthOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/phone-3b-seats-big-hall-viewport.png` });
      // Zoomed in: seats of 40 px or more, the hall pans inside its box, centred where it was.
      // Zoom in as far as the button goes (each press ×1.5; how many it takes depends on the hall).
      const zoomIn = page.getByRole("button", { name: "Zoom in" });
      for (let press = 0; press < 8 && (await zoomIn.isEnabled()); press++) await zoomIn.click();
      expect(await zoomIn.isEnabled()).toBe(false);
      await expect.poll(async () => (await hallScroller(page)).seatPx).toBeGreaterThanOrEqual(40);
      const zoomed = await hallScroller(page);
      expect(zoomed.scrollWidth).toBeGreaterThan(zoomed.clientWidth);
      expect(zoomed.scrollLeft).toBeGreaterThan(0);
      expect(zoomed.seatPx).toBeGreaterThanOrEqual(40);
      expect(await pageWidthOverflow(page)).toBeLessThanOrEqual(0);
      // A seat off to the side is still reachable (scrolled into view inside the box).
      const edge = seat(page, await seatIdOf(freeSeats(page).first()));
      await edge.click();
      await expect.poll(() => edge.getAttribute("aria-pressed")).toBe("true");
      await page.getByRole("button", { name: "Fit hall" }).click();
      await expect.poll(async () => (await hallScroller(page)).scrollWidth).toBeLessThanOrEqual(fitted.clientWidth + 1);
      await screenshot(page, "phone-3b-seats-big-hall");
    });
  });

  it("drops a seat someone else just took from the selection on its next refresh, and names it", async () => {
    const [show] = await bookableShows(baseUrl, 1, 5);
    await visit(DESKTOP, async ({ page }) => {
      await openSeatMap(page, show?.showId);
      const [kept, lost] = await pickSeatsByClicking(page, 2);
      // Someone else (another user, straight through the API) holds one of them.
      const res = await fetch(`${baseUrl}/api/v1/holds`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "x-user-id": "e2e-someone-else" },
        body: JSON.stringify({ showId: show?.showId, seatIds: [lost], quantity: 1 }),
      });
      expect(res.status).toBe(201);
      // No click: the map's own refresh notices, within a few seconds.
      const alert = page.getByRole("alert").filter({ hasText: `${lost} was just taken` });
      await alert.waitFor({ timeout: 12_000 });
      expect(await seat(page, lost as string).getAttribute("aria-pressed")).toBe("false");
      expect(await seat(page, lost as string).getAttribute("aria-label")).toMatch(/held by someone else/);
      expect(await seat(page, kept as string).getAttribute("aria-pressed")).toBe("true");
      expect(await selectionText(page)).toContain("1 seat");
    });
  });

  it("revalidates with its ETag: an unchanged map is a 304 and the page keeps working", async () => {
    const [show] = await bookableShows(baseUrl, 1, 4);
    await visit(DESKTOP, async ({ page }) => {
      const statuses: number[] = [];
      page.on("response", (res: Response) => {
        if (res.url().includes("/seatmap")) statuses.push(res.status());
      });
      await openSeatMap(page, show?.showId);
      await expect.poll(() => statuses.includes(304), { timeout: 15_000, interval: 500 }).toBe(true);
      expect(statuses[0]).toBe(200);
      // Still interactive after the 304s: the same map object is reused.
      const [picked] = await pickSeatsByClicking(page, 1);
      expect(await selectionText(page)).toContain(picked);
    });
  });

  it("two visitors race for one seat: one gets it, the other is told which seat and can't pick it", async () => {
    const [show] = await bookableShows(baseUrl, 1, 2);
    const a = await visitor(DESKTOP);
    const b = await visitor(DESKTOP);
    try {
      await Promise.all([
        openPage(a.page, `/shows/${show?.showId}/seats`),
        openPage(b.page, `/shows/${show?.showId}/seats`),
      ]);
      await Promise.all([waitForSeatMap(a.page), waitForSeatMap(b.page)]);

      // Both pick the same seat (and B one more next to it).
      const contested = await seatIdOf(freeSeats(a.page).nth(40));
      await seat(a.page, contested).click();
      await seat(b.page, contested).click();
      const [extra] = await pickSeatsByClicking(b.page, 1);
      await expect.poll(() => seat(b.page, contested).getAttribute("aria-pressed")).toBe("true");

      // A holds it first; B continues a moment later.
      await a.page.getByRole("button", { name: "Continue" }).click();
      await a.page.waitForURL("**/checkout/*");
      await b.page.getByRole("button", { name: "Continue" }).click();

      // B stays on the map, told in words which seat went, and it is no longer selected or pickable.
      const alert = b.page.getByRole("alert").filter({ hasText: contested });
      await alert.waitFor();
      expect(await textOf(alert)).toMatch(new RegExp(`${contested} was just taken`));
      expect(b.page.url()).toContain("/seats");
      await expect.poll(() => seat(b.page, contested).getAttribute("aria-label")).toMatch(/held by someone else/);
      expect(await seat(b.page, contested).getAttribute("aria-pressed")).toBe("false");
      expect(await seat(b.page, contested).getAttribute("aria-disabled")).toBe("true");
      // Its other seat is still selected.
      expect(await selectedSeats(b.page).count()).toBe(1);
      expect(await seat(b.page, extra as string).getAttribute("aria-pressed")).toBe("true");
      await screenshot(b.page, "desktop-race-seat-taken");

      // Clicking the taken seat explains instead of selecting it (aria-disabled, so still clickable
      // and focusable for people; Playwright refuses such clicks unless forced).
      await seat(b.page, contested).click({ force: true });
      await waitForText(b.page, `${contested} is held by someone else right now`);
      expect(await seat(b.page, contested).getAttribute("aria-pressed")).toBe("false");
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it("changing seats from checkout moves the same hold (PUT): one hold, its clock unchanged", async () => {
    const [show] = await bookableShows(baseUrl, 1, 10);
    await visit(DESKTOP, async ({ page }) => {
      const holdCalls: string[] = [];
      page.on("request", (req) => {
        if (new URL(req.url()).pathname.startsWith("/api/v1/holds")) holdCalls.push(req.method());
      });
      await openSeatMap(page, show?.showId);
      const [first, second] = await pickSeatsByClicking(page, 2);
      await continueToCheckout(page);
      const holdUrl = page.url();
      await page.getByRole("timer").waitFor();
      const expiresAt = () =>
        page.evaluate(
          (id) => JSON.parse(localStorage.getItem(`housefull.booking.${id}`) ?? "{}").expiresAt,
          show?.showId,
        );
      const deadline = await expiresAt();
      expect(deadline).toMatch(/^\d{4}-/);

      // Back to the map: the hold's seats are still picked, its countdown runs, the hold is named.
      await page.getByRole("link", { name: "Change seats" }).click();
      await waitForSeatMap(page);
      await page.getByRole("timer").waitFor();
      expect(await page.getByRole("timer").getAttribute("aria-label")).toMatch(/^Seats held for [45] minutes?/);
      await waitForText(page, `You're holding ${first} and ${second}`);
      expect(await seat(page, first as string).getAttribute("aria-pressed")).toBe("true");
      await screenshot(page, "desktop-seats-change-hold");

      // Swap one seat, continue: the same hold, changed in place.
      await seat(page, second as string).click();
      await expect.poll(() => seat(page, second as string).getAttribute("aria-pressed")).toBe("false");
      const third = await seatIdOf(freeSeats(page).nth(3));
      expect(third).not.toBe(second);
      await seat(page, third).click();
      await continueToCheckout(page);
      expect(page.url()).toBe(holdUrl);
      const summarySeats = async () =>
        (await page.locator("tbody th span[class*='seatIds']").allTextContents()).flatMap((l) => l.split(", ")).sort();
      await expect.poll(summarySeats).toEqual([first, third].sort());
      expect(holdCalls.filter((m) => m === "POST")).toHaveLength(1);
      expect(holdCalls.filter((m) => m === "PUT")).toHaveLength(1);
      expect(await expiresAt()).toBe(deadline);
    });
  });

  it("My bookings: a pending order can be paid or cancelled (with a confirm dialog)", async () => {
    const [show] = await bookableShows(baseUrl, 1, 11);
    await visit(DESKTOP, async ({ page }) => {
      const seats = await seatsToPayPage(page, show?.showId, 2);

      await page.getByRole("link", { name: "My bookings" }).click();
      const card = page.getByRole("article").filter({ hasText: seats.join(", ") });
      await card.waitFor();
      expect(await textOf(card)).toContain("Awaiting payment");
      await card.getByRole("link", { name: /^Pay now · \d+:\d\d left$/ }).waitFor();

      // Cancel asks first; Escape keeps the booking.
      await card.getByRole("button", { name: "Cancel booking" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel this booking?" });
      await dialog.waitFor();
      expect(await textOf(dialog)).toContain(seats.join(", "));
      await screenshot(page, "desktop-bookings-cancel-dialog");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      expect(await textOf(card)).toContain("Awaiting payment");

      await card.getByRole("button", { name: "Cancel booking" }).click();
      await dialog.getByRole("button", { name: "Yes, cancel booking" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => textOf(card)).toContain("Cancelled");
      expect(await card.getByRole("link", { name: /^Pay now/ }).count()).toBe(0);
      // The seats are free again.
      await openSeatMap(page, show?.showId);
      for (const id of seats) {
        await expect.poll(() => seat(page, id).getAttribute("aria-label")).toMatch(/, available, /);
      }
    });
  });

  it("works with the keyboard alone: Tab into the map, arrows, Space/Enter, Tab to Continue", async () => {
    const [show] = await bookableShows(baseUrl, 1, 3);
    await visit(DESKTOP, async ({ page }) => {
      await openSeatMap(page, show?.showId);
      // Exactly one seat is in the tab order (roving tabindex).
      expect(await page.locator('button[data-seat][tabindex="0"]').count()).toBe(1);

      const focusedSeat = () =>
        page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.seat ?? null);
      await page.getByRole("heading", { name: "Choose your seats" }).click();
      let tabs = 0;
      while ((await focusedSeat()) === null) {
        await page.keyboard.press("Tab");
        if (++tabs > 30) throw new Error("Tab never reached the seat map");
      }
      const first = await focusedSeat();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const a = await focusedSeat();
      expect(a).not.toBe(first);
      await page.keyboard.press("Space");
      await expect.poll(() => seat(page, a as string).getAttribute("aria-pressed")).toBe("true");
      await page.keyboard.press("ArrowRight");
      const b = await focusedSeat();
      expect(b).not.toBe(a);
      await page.keyboard.press("Enter");
      await expect.poll(() => seat(page, b as string).getAttribute("aria-pressed")).toBe("true");
      // Space again on the same seat unpicks it; once more picks it again.
      await page.keyboard.press("Space");
      await expect.poll(() => seat(page, b as string).getAttribute("aria-pressed")).toBe("false");
      await page.keyboard.press("Space");
      await expect.poll(() => seat(page, b as string).getAttribute("aria-pressed")).toBe("true");
      // The focused seat is the one in the tab order now.
      expect(await page.locator('button[data-seat][tabindex="0"]').getAttribute("data-seat")).toBe(b);

      await page.keyboard.press("Tab");
      const focusedText = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(focusedText).toBe("Continue");
      await page.keyboard.press("Enter");
      await page.waitForURL("**/checkout/*");
      const summary = await textOf(page.getByRole("complementary", { name: "Order summary" }));
      expect(summary).toContain(a as string);
      expect(summary).toContain(b as string);
    });
  });
});
