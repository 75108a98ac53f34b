/**
 * Steps of the back-office scenarios, written the way staff see the pages (labels and roles): a
 * staff member's browser (their session cookies), the layout editor, and the API answers a step
 * checks against (through the staff member's own cookie jar).
 */
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { openPage, SCREENSHOTS } from "./browser.ts";
import type { CookieJar } from "./door-staff.ts";

/** A tiny real PNG (1×1): the poster route checks an image by its bytes. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Hands `jar`'s session to the browser context (__Host- cookies: host-only, path /, Secure). */
export async function signInContext(context: BrowserContext, baseUrl: string, jar: CookieJar): Promise<void> {
  const domain = new URL(baseUrl).hostname;
  await context.addCookies(
    jar.session().map((c) => ({ ...c, domain, path: "/", secure: true, httpOnly: true, sameSite: "Lax" as const })),
  );
}

/** An entry of GET /admin/audit, as far as the scenario reads it. */
export interface AuditEntry {
  action: string;
  theatreId: string | null;
  target: { type: string; id: string };
  actor: { userId: string };
}

/** Opens a back-office page and waits for its heading. */
export async function openAdmin(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await openPage(page, path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** A list page's "New …" form, opened from its button (`what`: "theatre", "movie", "screen"). */
export async function openNewForm(page: Page, what: string): Promise<Locator> {
  await page.getByRole("button", { name: `New ${what}` }).click();
  return page.getByRole("form", { name: `New ${what}` });
}

/** An API answer read with the staff member's cookies (GET only: no CSRF needed). */
export async function staffGet<T>(jar: CookieJar, path: string): Promise<T> {
  const res = await jar.fetch(`/api/v1${path}`);
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/**
 * The layout editor on a theatre page: a screen of `rows` × `seats`, one gap (A at `gapColumn`), a
 * second category `PRIME` painted on the last two rows. Checks the editor's own validation on the
 * way: a repeated row label, and a category with no seats, are named before the layout is valid.
 */
export async function makeScreenInEditor(
  page: Page,
  name: string,
  { rows, seats, gapColumn }: { rows: number; seats: number; gapColumn: number },
): Promise<void> {
  const form = await openNewForm(page, "screen");
  await form.getByLabel("Screen name").fill(name);
  await form.getByLabel("Rows", { exact: true }).fill(String(rows));
  await form.getByLabel("Seats per row").fill(String(seats));
  await expect.poll(() => form.getByRole("button", { name: /^Row [A-Z] seat \d+,/ }).count()).toBe(rows * seats);

  // A gap: the seat becomes a gap, its neighbours keep their numbers.
  await form.getByRole("button", { name: `Row A seat ${gapColumn}, Classic`, exact: true }).click();
  await form.getByRole("button", { name: `Row A gap at column ${gapColumn}` }).waitFor();
  await form.getByRole("button", { name: `Row A seat ${gapColumn + 1}, Classic`, exact: true }).waitFor();

  // Unique seat ids: a second row labelled A is named as a problem, then put back.
  await form.getByLabel("Row 2 label").fill("A");
  await form.getByRole("list", { name: "Layout problems" }).getByText("row A appears twice").waitFor();
  await form.getByLabel("Row 2 label").fill("B");

  // A second category: unused, it is named as a problem; painted on the back rows, the layout is valid.
  await form.getByRole("button", { name: "Add category" }).click();
  await form.getByLabel("Category 2 code").fill("PRIME");
  await form.getByLabel("Category 2 name").fill("Prime");
  await form.getByLabel("Category 2 surcharge").fill("100.00");
  await form.getByRole("list", { name: "Layout problems" }).getByText("category PRIME has no seats").waitFor();
  const back = String.fromCharCode(64 + rows);
  const beforeBack = String.fromCharCode(63 + rows);
  await form.getByLabel(`Row ${beforeBack} category`).selectOption("PRIME");
  // The paint tool does the same by clicking a seat of the row.
  await form.getByLabel("Paint category").check();
  await form.getByLabel("Category to paint").selectOption("PRIME");
  await form.getByRole("button", { name: `Row ${back} seat 1, Classic`, exact: true }).click();
  await form.getByRole("button", { name: `Row ${back} seat 1, Prime`, exact: true }).waitFor();
  await form.getByLabel("Aisle after C").check();
  await form.getByText("The layout is valid.").waitFor();
  await form.screenshot({ path: path.join(SCREENSHOTS, "admin-layout-editor.png") });
  await form.getByRole("button", { name: "Create screen" }).click();
  await page.getByText(`${name} · ${rows * seats - 1} seats · layout v1`).waitFor();
}

/**
 * From the cancel's answer on, as fast as one client goes: a guest's hold on a free seat, and the
 * movie's listing for the day, each asked again until it stops treating the show as on sale.
 * Answers how long after the answer each still did (the request's own latency included) and how
 * many holds were still granted (holds only: no order can be placed on a cancelled show).
 */
export async function staleWindow(
  baseUrl: string,
  showId: string,
  listing: string,
  guestToken: string,
  answeredAt: number,
): Promise<{ holdRefusedMs: number; listingGoneMs: number; staleHolds: number }> {
  let staleHolds = 0;
  const until = async (done: () => Promise<boolean>): Promise<number> => {
    while (performance.now() - answeredAt < 10_000) {
      if (await done()) return Math.round(performance.now() - answeredAt);
    }
    return -1;
  };
  let attempt = 0;
  const [holdRefusedMs, listingGoneMs] = await Promise.all([
    until(async () => {
      attempt++;
      const res = await fetch(`${baseUrl}/api/v1/holds`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${guestToken}`,
          "Idempotency-Key": `stale-${showId}-${attempt}`,
        },
        body: JSON.stringify({ showId, seatIds: [`A${(attempt % 3) + 1}`], quantity: 1 }),
      });
      const body = (await res.json()) as { error?: { rule?: string } };
      if (res.status === 201) staleHolds++;
      return res.status === 400 && body.error?.rule === "SHOW_CLOSED";
    }),
    until(async () => {
      const day = (await (await fetch(listing)).json()) as { shows: { id: string }[] };
      return !day.shows.some((s) => s.id === showId);
    }),
  ]);
  return { holdRefusedMs, listingGoneMs, staleHolds };
}
