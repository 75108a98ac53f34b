/**
 * Steps the door scenarios share: a show of our own with its doors open, staff of its theatre
 * signed in, a scanner phone standing at a gate of the show (its camera playing a ticket's QR code),
 * and reading the full-screen answer.
 */
import { expect } from "vitest";
import { withDatabase } from "../support/database.ts";
import { openPage } from "./browser.ts";
import { type CookieJar, signInStaff } from "./door-staff.ts";
import { type Scanner, scannerPhone } from "./door-video.ts";

const PG = process.env.E2E_PG_URL ?? "postgres://postgres:postgres@127.0.0.1:5432";
export const DATABASE = `${PG}/${process.env.E2E_DB_PREFIX ?? ""}housefull_e2e`;

/** A show of our own at a theatre that allows cancelling, three days ahead (so bookable and cancellable). */
export const newShow = () =>
  withDatabase(DATABASE, async (db) => {
    const { rows } = await db.query<{ show_id: string; theatre_id: string }>(
      `insert into shows (movie_id, theatre_id, start_time, price, status)
       select s.movie_id, s.theatre_id, now() + interval '3 days', s.price, 'AVAILABLE'
       from shows s join theatres t on t.theatre_id = s.theatre_id
       where t.cancellation_available limit 1
       returning show_id, theatre_id`,
    );
    return rows[0] as { show_id: string; theatre_id: string };
  });

/** Doors open: the show started ten minutes ago (after booking: a started show takes none). */
export const openDoors = (showId: string) =>
  withDatabase(DATABASE, (db) =>
    db.query("update shows set start_time = now() - interval '10 minutes' where show_id = $1", [showId]),
  );

/** Signs in a new staff member and grants them `role` at `theatreId`; answers their cookie jar. */
export async function staffOf(
  baseUrl: string,
  theatreId: string,
  who: string,
  role: "usher" | "theatre_manager" = "usher",
): Promise<CookieJar> {
  const { jar, userId } = await signInStaff(baseUrl, `${who}.${Date.now().toString(36)}@example.in`);
  await withDatabase(DATABASE, (db) =>
    db.query("insert into user_roles (user_id, role, theatre_id) values ($1, $2, $3)", [userId, role, theatreId]),
  );
  return jar;
}

/** A scanner phone whose camera plays `video`, signed in as `jar`'s staff, at `gate` of `showId`. */
export async function atGate(
  baseUrl: string,
  jar: CookieJar,
  gate: string,
  showId: string,
  video: string,
  opened: Scanner[],
): Promise<Scanner> {
  const scanner = await scannerPhone(baseUrl, video, jar.session());
  opened.push(scanner);
  const { page } = scanner;
  await openPage(page, "/scan");
  await expect
    .poll(() => page.getByTestId("gate-picker").getAttribute("data-signed-in"), { timeout: 20_000 })
    .toBe("yes");
  await page.getByLabel("This door").fill(gate);
  await page.locator(`[data-show-id="${showId}"]`).click();
  await expect
    .poll(() => page.getByTestId("door-manifest").getAttribute("data-synced"), { timeout: 20_000 })
    .toBe("yes");
  return scanner;
}

/** The full-screen answer to the last scan. */
export async function nextAnswer(page: Scanner["page"]) {
  const answer = page.getByTestId("scan-answer");
  await answer.waitFor({ timeout: 20_000 });
  return { verdict: await answer.getAttribute("data-verdict"), text: (await answer.textContent()) ?? "", answer };
}

export const startCamera = (page: Scanner["page"]) => page.getByRole("button", { name: "Start scanning" }).click();
export const queuedOn = (page: Scanner["page"]) => page.getByTestId("door-queue").getAttribute("data-count");

/** The usher types a ticket's short code (the camera cannot read it) and presses Check. */
export async function typeCode(page: Scanner["page"], code: string) {
  await page.getByLabel("Ticket code").fill(code);
  await page.getByRole("button", { name: "Check" }).click();
}

/** Dismisses the answer ("Tap for the next ticket") and waits until it is gone. */
export async function nextPerson(page: Scanner["page"]) {
  await page.getByTestId("scan-answer").click();
  await page.getByTestId("scan-answer").waitFor({ state: "detached" });
}
