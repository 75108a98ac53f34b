/**
 * Back-office steps the scenario composes, as staff do them on the pages: a theatre and its manager,
 * a movie and its poster, house seats and a counter sale on a show's seat map.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { openAdmin, openNewForm, PNG_1X1 } from "./admin-flows.ts";
import { openPage } from "./browser.ts";

/** On an admin list page: its "New …" form opened, filled in label by label, and sent ("Create …"). */
async function createInAdmin(
  page: Page,
  list: { path: string; heading: string },
  what: string,
  fields: [label: string | RegExp, value: string][],
) {
  await openAdmin(page, list.path, list.heading);
  const form = await openNewForm(page, what);
  for (const [label, value] of fields) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: `Create ${what}` }).click();
}

/** As an admin: a new theatre (policy and fee), then `managerEmail` made its manager. Answers its id. */
export async function createTheatreWithManager(page: Page, name: string, managerEmail: string): Promise<string> {
  await createInAdmin(page, { path: "/admin/theatres", heading: "Theatres" }, "theatre", [
    ["Name", name],
    ["City", "Pune"],
    ["Address", "1 FC Road, Pune"],
    ["Convenience fee (₹ per order)", "20.00"],
    [/^Cancellation cut-off/, "60"],
    ["Cancellation fee (%)", "10"],
  ]);
  await page.waitForURL("**/admin/theatres/*");
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const theatreId = page.url().split("/").at(-1) ?? "";

  const grant = page.getByRole("form", { name: "Grant a staff role" });
  await grant.getByLabel("Email").fill(managerEmail);
  await grant.getByLabel("Role").selectOption("theatre_manager");
  await grant.getByRole("button", { name: "Grant" }).click();
  await page.getByRole("button", { name: `Revoke ${managerEmail}` }).waitFor();
  return theatreId;
}

/** As an admin: a new movie, then its poster uploaded and served with immutable caching. */
export async function createMovieWithPoster(page: Page, baseUrl: string, title: string): Promise<void> {
  await createInAdmin(page, { path: "/admin/movies", heading: "Movies" }, "movie", [
    ["Title", title],
    ["Genres", "Drama, Thriller"],
    ["Languages", "Hindi, English"],
    ["Formats", "2D"],
    ["Runtime (minutes)", "120"],
    ["Rating (out of 10)", "8.1"],
  ]);
  const card = page.getByRole("listitem", { name: title });
  await card.waitFor();
  await card
    .getByLabel(`Poster for ${title}`)
    .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: PNG_1X1 });
  await card.getByText("Poster uploaded").waitFor();
  const poster = await card.getByRole("img", { name: `Poster of ${title}` }).getAttribute("src");
  expect(poster).toMatch(/^\/api\/v1\/posters\/[0-9a-f]{64}\.png$/);
  const served = await fetch(`${baseUrl}${poster}`);
  expect(served.status).toBe(200);
  expect(served.headers.get("cache-control")).toContain("immutable");
}

/** As a manager, on the show's seat map: A1 kept off sale (customers see it booked), C2 and C3 sold at the counter. */
export async function houseSeatsAndCounterSale(
  page: Page,
  baseUrl: string,
  showId: string,
  theatreId: string,
  movie: string,
): Promise<void> {
  await openPage(page, `/admin/shows/${showId}?theatre=${theatreId}`);
  await page.getByRole("heading", { level: 1, name: movie }).waitFor();
  await page.getByRole("button", { name: "Row A seat 1, available" }).click();
  await page.getByRole("button", { name: "Keep off sale" }).click();
  await page.getByRole("button", { name: "Row A seat 1, house seat" }).waitFor();
  // Customers' seat maps share a snapshot at most SEAT_MAP_SNAPSHOT_MS old: booked within that.
  const stateOfA1 = async () => {
    const map = (await (await fetch(`${baseUrl}/api/v1/shows/${showId}/seatmap`)).json()) as {
      rows: { seats: ({ seatId: string; state: string } | null)[] }[];
    };
    return map.rows[0]?.seats.find((x) => x?.seatId === "A1")?.state;
  };
  await expect.poll(stateOfA1, { timeout: 5_000, interval: 250 }).toBe("BOOKED");
  await page.getByRole("button", { name: "Row C seat 2, available" }).click();
  await page.getByRole("button", { name: "Row C seat 3, available" }).click();
  const counter = page.getByRole("form", { name: "Counter sale" });
  await counter.getByLabel("Buyer's name").fill("Ravi Kumar");
  await counter.getByLabel("Buyer's phone").fill("+91 91234 56789");
  await counter.getByRole("button", { name: "Sell 2 seats at the counter" }).click();
  await counter.getByRole("status").filter({ hasText: "Sold at the counter: C2, C3" }).waitFor();
  await page.getByRole("button", { name: "Row C seat 2, booked" }).waitFor({ timeout: 15_000 });
}

/** As a manager: a seat of Audi 1 made a gap once the screen has sales → a new layout version, said so. */
export async function newLayoutVersionWithSales(page: Page, theatre: string, theatreId: string): Promise<void> {
  await openAdmin(page, `/admin/theatres/${theatreId}`, theatre);
  await page.getByRole("button", { name: "Edit Audi 1" }).click();
  const edit = page.getByRole("form", { name: "Edit Audi 1" });
  await edit.getByRole("button", { name: "Row B seat 8, Classic", exact: true }).click();
  await edit.getByRole("button", { name: "Row B gap at column 8" }).waitFor();
  await edit.getByRole("button", { name: "Save screen" }).click();
  await edit
    .getByRole("status")
    .filter({ hasText: /new layout version was made.*\(layout version 2\)/ })
    .waitFor();
}

/**
 * As a manager, on the show's page: the orphan rule switched on in "Seat rules", shown on the page,
 * and obeyed by the very next customer hold (B2+B3 would leave B1 alone: refused, naming B1).
 */
export async function keepSeatsTogether(page: Page, baseUrl: string, showId: string, theatreId: string) {
  await openPage(page, `/admin/shows/${showId}?theatre=${theatreId}`);
  const status = page.getByTestId("show-status");
  await expect.poll(() => status.textContent()).toContain("any seats");
  const rules = page.getByRole("form", { name: "Seat rules" });
  await rules.getByLabel("Keep seats together (no single empty seat)").check();
  await rules.getByRole("button", { name: "Save seat rules" }).click();
  await rules.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await expect.poll(() => status.textContent()).toContain("seats kept together");
  expect(await rules.getByLabel("Keep seats together (no single empty seat)").isChecked()).toBe(true);

  const guest = (await (await fetch(`${baseUrl}/api/v1/auth/guest`, { method: "POST" })).json()) as { token: string };
  const hold = await fetch(`${baseUrl}/api/v1/holds`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${guest.token}` },
    body: JSON.stringify({ showId, seatIds: ["B2", "B3"], quantity: 2 }),
  });
  expect(hold.status).toBe(409);
  expect(((await hold.json()) as { error: { code: string; seat: string } }).error).toMatchObject({
    code: "SEAT_STRANDED",
    seat: "B1",
  });
}
