/** Steps the booking scenarios share, written the way a visitor sees the pages (roles and labels). */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { arriveAt, openPage, tomorrowIso } from "./browser.ts";

export const TICKET_CODE = /^BMS[0-9A-F]{8}$/;

export interface ShowPick {
  showId: string;
  movieId: string;
  movieTitle: string;
  theatre: string;
  capacity: number;
}

/** Bookable shows tomorrow (distinct), straight from the API: for scenarios that start at a seat map. */
export async function bookableShows(
  baseUrl: string,
  count: number,
  skip = 0,
  opts: { widest?: boolean } = {},
): Promise<ShowPick[]> {
  const movies = (await (await fetch(`${baseUrl}/api/v1/movies?pageSize=50`)).json()) as {
    items: { id: string; title: string }[];
  };
  const picks: ShowPick[] = [];
  for (const movie of movies.items) {
    const day = (await (await fetch(`${baseUrl}/api/v1/movies/${movie.id}/shows?date=${tomorrowIso()}`)).json()) as {
      shows: { id: string; status: string; seatsLeft: number; capacity: number; theatre: { name: string } }[];
    };
    const candidates = day.shows.filter((s) => s.status !== "CANCELLED" && s.seatsLeft >= 20);
    if (opts.widest) candidates.sort((a, b) => b.capacity - a.capacity);
    const show = candidates[0];
    // One show per movie: scenarios never share a hall.
    if (show) {
      picks.push({
        showId: show.id,
        movieId: movie.id,
        movieTitle: movie.title,
        theatre: show.theatre.name,
        capacity: show.capacity,
      });
    }
    if (!opts.widest && picks.length >= count + skip) break;
  }
  if (opts.widest) picks.sort((a, b) => b.capacity - a.capacity);
  if (picks.length < count + skip) throw new Error(`only ${picks.length} bookable shows tomorrow`);
  return picks.slice(skip, skip + count);
}

/** Seats a visitor can pick right now (their accessible names say "available"; not pressed). */
export const freeSeats = (page: Page): Locator =>
  page.getByRole("button", { name: /^Row [A-Z]+ seat \d+, available/, pressed: false });

export const selectedSeats = (page: Page): Locator =>
  page.getByRole("button", { name: /^Row [A-Z]+ seat \d+,/, pressed: true });

/** A seat by id ("F5"), whatever its state. */
export function seat(page: Page, seatId: string): Locator {
  const match = /^([A-Z]+)(\d+)$/.exec(seatId);
  if (!match) throw new Error(`not a seat id: ${seatId}`);
  return page.getByRole("button", { name: new RegExp(`^Row ${match[1]} seat ${match[2]},`) });
}

export async function seatIdOf(locator: Locator): Promise<string> {
  const label = (await locator.getAttribute("aria-label")) ?? "";
  const match = /^Row ([A-Z]+) seat (\d+),/.exec(label);
  if (!match) throw new Error(`not a seat label: ${label}`);
  return `${match[1]}${match[2]}`;
}

export async function waitForSeatMap(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Choose your seats" }).waitFor();
  await page
    .getByRole("button", { name: /^Row [A-Z]+ seat \d+,/ })
    .first()
    .waitFor();
}

/** Opens a show's seat map and waits until its seats are drawn. */
export async function openSeatMap(page: Page, showId: string | undefined): Promise<void> {
  if (!showId) throw new Error("no bookable show");
  await openPage(page, `/shows/${showId}/seats`);
  await waitForSeatMap(page);
}

/** "Continue" under the seat map: the selection becomes a hold, and its checkout page opens. */
export async function continueToCheckout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL("**/checkout/*");
}

/** "Continue to pay" on a filled checkout: the order is placed, and its pay page opens. */
export async function continueToPay(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Continue to pay/ }).click();
  await page.waitForURL("**/orders/*/pay");
}

/** A show's seat map → `count` seats → checkout filled → the order's pay page; returns the seats. */
export async function seatsToPayPage(page: Page, showId: string | undefined, count: number): Promise<string[]> {
  await openSeatMap(page, showId);
  const seatIds = await pickSeatsByClicking(page, count);
  await continueToCheckout(page);
  await fillCheckout(page);
  await continueToPay(page);
  return seatIds;
}

/** Clicks `count` neighbouring free seats in a row towards the middle of the hall; returns their ids. */
export async function pickSeatsByClicking(page: Page, count: number): Promise<string[]> {
  const free = freeSeats(page);
  const total = await free.count();
  expect(total).toBeGreaterThan(count);
  // Start a third of the way in: away from the front row, clear of the sticky bar at the bottom.
  const start = Math.floor(total / 3);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Each click removes one seat from `free`, so the next neighbour is at the same index.
    const target = free.nth(start);
    const id = await seatIdOf(target);
    await target.click();
    await expect.poll(() => seat(page, id).getAttribute("aria-pressed")).toBe("true");
    ids.push(id);
  }
  return ids;
}

/** An element's text, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** The "Your selection" bar's text. */
export async function selectionText(page: Page): Promise<string> {
  return textOf(page.getByRole("region", { name: "Your selection" }));
}

export async function fillCheckout(
  page: Page,
  customer = { name: "Asha Rao", email: "asha@example.in", phone: "+91 98765 43210" },
) {
  await page.getByLabel("Full name").fill(customer.name);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Mobile number").fill(customer.phone);
}

/** The seat map's scroll box (the hall zooms and pans inside it), and how big a seat is drawn. */
export async function hallScroller(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector("[data-seat]")?.closest("div[class*='box']") as HTMLElement | null;
    if (!box) throw new Error("no seat map box");
    const seatPx = (box.querySelector("[data-seat]") as HTMLElement).getBoundingClientRect().width;
    return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, scrollLeft: box.scrollLeft, seatPx };
  });
}

/** No sideways scrolling of the page itself (the seat map scrolls inside its own box). */
export async function pageWidthOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Waits until the text appears anywhere in the page's main region. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout });
}

/** The payment sandbox's hosted checkout page (Stripe Checkout's stand-in), once the app sent us there. */
export async function onSandboxCheckout(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith("/c/pay/"));
  await page.getByRole("button", { name: "Pay", exact: true }).waitFor();
}

/** "Pay" on the sandbox's page: it completes the session, sends the signed webhook, and redirects back. */
export async function payOnSandbox(page: Page): Promise<void> {
  await onSandboxCheckout(page);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await arriveAt(page, "**/orders/*/paid**");
}

/** "Decline" on the sandbox's page: the card is declined, the session stays open, the page says so. */
export async function declineOnSandbox(page: Page): Promise<void> {
  await onSandboxCheckout(page);
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "Your card was declined" }).waitFor();
}

/** The sandbox's test switches (`POST /__sandbox/switches`), e.g. `{ delayMs }` for a late webhook. */
export async function sandboxSwitches(sandboxUrl: string, switches: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/__sandbox/switches`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(switches),
  });
  if (!res.ok) throw new Error(`sandbox switches: ${res.status} ${await res.text()}`);
}
