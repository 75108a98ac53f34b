/**
 * The on-sale waiting room in Chromium on the real stack (issue 15): staff switch a show's waiting
 * room on in the back office, opening a few seconds ahead, one shopper at a time. Two visitors (two
 * browser contexts: two people) who open its seat map before opening land in the pre-queue; at
 * opening one is admitted and the other's page, refreshing itself, shows its place and wait; the
 * first buys (paying on the sandbox), which ends their admission, and the second is admitted and
 * buys. A third visitor is refused at POST /holds without an admission, and with the first's
 * admission — by the API's code and in the seat map's words; the first, having bought, is refused
 * a new hold with their own admission (it ended at the purchase), and a tab of theirs that still
 * keeps it is taken back to the queue, told why, instead of a dead end.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../support/database.ts";
import { payInTheApp } from "./accounts-flows.ts";
import { openAdmin, signInContext } from "./admin-flows.ts";
import { DESKTOP, openPage, screenshot, suiteBrowser } from "./browser.ts";
import { type CookieJar, signInStaff } from "./door-staff.ts";
import * as flows from "./flows.ts";

const baseUrl = inject("baseUrl");
const PG = process.env.E2E_PG_URL ?? "postgres://postgres:postgres@127.0.0.1:5432";
const DATABASE = `${PG}/${process.env.E2E_DB_PREFIX ?? ""}housefull_e2e`;
const { visitor } = suiteBrowser(baseUrl);
const run = Date.now().toString(36);
/** How far ahead the on-sale opens: time for staff to save it and both visitors to reach the pre-queue. */
const OPENS_IN_MS = 20_000;
const ADMISSION = "housefull:onsale:admission:";

let admin: { jar: CookieJar; userId: string };

beforeAll(async () => {
  admin = await signInStaff(baseUrl, `onsale.admin.${run}@example.in`);
  await withDatabase(DATABASE, (db) =>
    db.query("insert into user_roles (user_id, role, theatre_id) values ($1, 'admin', null)", [admin.userId]),
  );
});

/** A `datetime-local` value in India's clock (the staff browser's time zone), to the second. */
const indiaLocal = (ms: number) => new Date(ms + 5.5 * 3600_000).toISOString().slice(0, 19);

type HoldAnswer = { status: number; body: { error?: { code: string; message: string } } };

/**
 * POST /holds straight from the page, as its own guest (one is fetched first if the page has none),
 * with `admission` as the Admission-Token header if given.
 */
async function holdFromPage(page: Page, showId: string, seatId: string, admission?: string): Promise<HoldAnswer> {
  return page.evaluate(
    async ({ showId, seatId, admission }) => {
      let identity = JSON.parse(localStorage.getItem("housefull.identity") ?? "null") as { token: string } | null;
      if (!identity) {
        identity = (await (await fetch("/api/v1/auth/guest", { method: "POST" })).json()) as { token: string };
        localStorage.setItem("housefull.identity", JSON.stringify(identity));
      }
      const headers: Record<string, string> = {
        authorization: `Bearer ${identity.token}`,
        "content-type": "application/json",
      };
      if (admission) headers["Admission-Token"] = admission;
      const res = await fetch("/api/v1/holds", {
        method: "POST",
        headers,
        body: JSON.stringify({ showId, seatIds: [seatId], quantity: 1 }),
      });
      return { status: res.status, body: await res.json() };
    },
    { showId, seatId, admission },
  );
}

/** The admission the page's tab keeps for the event (as the queue page saved it). */
const admissionOf = (page: Page, eventId: string) =>
  page.evaluate((key) => sessionStorage.getItem(key), `${ADMISSION}${eventId}`);

/**
 * Picks the last two free seats of the hall. The second buyer does so: their map, loaded moments
 * after the first bought from the middle, may not show those seats taken yet (the seat map is a
 * snapshot a few seconds behind), and a seat picked there would be dropped from the selection.
 */
async function pickFromTheBack(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const target = flows.freeSeats(page).last();
    const id = await flows.seatIdOf(target);
    await target.click();
    await expect.poll(() => flows.seat(page, id).getAttribute("aria-pressed")).toBe("true");
  }
}

/** Seat map → two seats (from the middle, or the back) → checkout → pay on the sandbox → the ticket. */
async function buyTwoSeats(page: Page, from: "middle" | "back"): Promise<void> {
  await flows.waitForSeatMap(page);
  if (from === "middle") await flows.pickSeatsByClicking(page, 2);
  else await pickFromTheBack(page);
  await flows.continueToCheckout(page);
  await flows.fillCheckout(page);
  await flows.continueToPay(page);
  await payInTheApp(page);
}

describe("the on-sale waiting room", () => {
  it("two browsers wait in the pre-queue, are admitted after opening and buy; no admission, or another's, is refused", async () => {
    const [show] = await flows.bookableShows(baseUrl, 1, 4);
    if (!show) throw new Error("no bookable show");
    const { showId } = show;
    const info = (await (await fetch(`${baseUrl}/api/v1/shows/${showId}`)).json()) as { theatre: { id: string } };

    // Staff: the show sells through a waiting room opening shortly, one shopper at a time.
    const staff = await visitor(DESKTOP);
    await signInContext(staff.context, baseUrl, admin.jar);
    await openAdmin(staff.page, `/admin/shows/${showId}?theatre=${info.theatre.id}`, /.+/);
    const opensAtMs = Math.ceil((Date.now() + OPENS_IN_MS) / 1000) * 1000;
    await staff.page.getByLabel("Opens at").fill(indiaLocal(opensAtMs));
    await staff.page.getByLabel("Admissions a second").fill("5");
    await staff.page.getByLabel("Shoppers at once").fill("1");
    await staff.page.getByRole("button", { name: "Sell through a waiting room" }).click();
    const marked = await staff.page.getByText("This show sells through a waiting room").textContent();
    const eventId = /event ([0-9a-f-]{36})/.exec(marked ?? "")?.[1] ?? "";
    expect(eventId).not.toBe("");
    await staff.context.close();

    // Two visitors open the seat map before opening: each is sent to the pre-queue.
    const [a, b, c] = [await visitor(DESKTOP), await visitor(DESKTOP), await visitor(DESKTOP)];
    for (const v of [a, b]) {
      await openPage(v.page, `/shows/${showId}/seats`);
      await v.page.waitForURL(`**/onsale/${eventId}?show=${showId}`);
      await v.page.getByRole("heading", { name: "You're in the pre-queue" }).waitFor();
    }
    await b.page.getByText("2 people are waiting.").waitFor();
    await screenshot(b.page, "onsale-pre-queue");

    // A third browser, never admitted, is refused at POST /holds.
    await openPage(c.page, "/");
    const refused = await holdFromPage(c.page, showId, "A1");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "ADMISSION_REQUIRED", eventId });
    expect(Date.now()).toBeLessThan(opensAtMs); // both were in the pre-queue before opening

    // At opening one of the two, drawn at random, is admitted (the cap is one shopper): their page
    // goes on to the seats by itself. The other's page shows their place and an honest wait.
    const admittedFirst = await Promise.race(
      [a, b].map((v) => v.page.waitForURL(`**/shows/${showId}/seats`, { timeout: 60_000 }).then(() => v)),
    );
    expect(Date.now()).toBeGreaterThanOrEqual(opensAtMs);
    const waiting = admittedFirst === a ? b : a;
    await waiting.page.getByRole("heading", { name: "You're in line" }).waitFor({ timeout: 30_000 });
    expect(await flows.textOf(waiting.page.getByTestId("queue-place"))).toBe("1");
    // With the one shopper's place taken for their whole admission (10 min), the estimate says so.
    await waiting.page.getByText(/^Estimated wait: about 10 minutes\.$/).waitFor();
    await screenshot(waiting.page, "onsale-in-line");

    // The first's admission used from the third browser (another person) is refused: by the API…
    const firstAdmission = await admissionOf(admittedFirst.page, eventId);
    const firstToken = (JSON.parse(firstAdmission ?? "{}") as { token?: string }).token;
    expect(firstToken).toBeTruthy();
    const shared = await holdFromPage(c.page, showId, "A1", firstToken);
    expect(shared.status).toBe(403);
    expect(shared.body.error).toMatchObject({ code: "ADMISSION_REFUSED", reason: "NOT_YOURS" });
    // …and in the seat map, where the copied admission gets the visitor no further than a refusal.
    await c.page.evaluate(
      ({ key, value, showKey, eventId }) => {
        sessionStorage.setItem(key, value);
        sessionStorage.setItem(showKey, eventId);
      },
      {
        key: `${ADMISSION}${eventId}`,
        value: firstAdmission ?? "",
        showKey: `housefull:onsale:show:${showId}`,
        eventId,
      },
    );
    await flows.openSeatMap(c.page, showId);
    await flows.pickSeatsByClicking(c.page, 1);
    await c.page.getByRole("button", { name: "Continue" }).click();
    await c.page
      .getByText("This admission token was not issued to you for this on-sale; join the queue yourself")
      .waitFor();
    expect(c.page.url()).toContain(`/shows/${showId}/seats`);

    // The first buys; that ends their admission, and the second, still waiting, is admitted.
    await buyTwoSeats(admittedFirst.page, "middle");
    await screenshot(admittedFirst.page, "onsale-ticket");
    await waiting.page.waitForURL(`**/shows/${showId}/seats`, { timeout: 30_000 });
    // An admission is for one purchase: the first buyer's token, still valid by its clock, admits
    // no new hold (buying more means queueing again).
    const again = await holdFromPage(admittedFirst.page, showId, "A2", firstToken);
    expect(again.status).toBe(403);
    expect(again.body.error).toMatchObject({ code: "ADMISSION_REFUSED", reason: "ENDED", eventId });

    // A tab that still keeps that admission (one duplicated before the purchase keeps its session
    // storage) is no dead end: its hold is refused as ENDED, and it is back in the queue, told why —
    // whether the visitor picked seats (Continue) or asked for the best ones (How many seats?).
    const first = admittedFirst.page;
    for (const ask of ["Continue", "1 seat"] as const) {
      await first.evaluate(({ key, value }) => sessionStorage.setItem(key, value), {
        key: `${ADMISSION}${eventId}`,
        value: firstAdmission ?? "",
      });
      await flows.openSeatMap(first, showId);
      if (ask === "Continue") {
        await flows.pickSeatsByClicking(first, 1);
        await first.getByRole("button", { name: "Continue" }).click();
      } else {
        await first.getByRole("button", { name: "1 seat", exact: true }).click();
      }
      await first.waitForURL(`**/onsale/${eventId}?show=${showId}`);
      await first.getByText("Your admission has ended").waitFor();
      // Queued again behind the second shopper, who holds the one place; the ended admission is forgotten.
      await first.getByRole("heading", { name: "You're in line" }).waitFor({ timeout: 30_000 });
      expect(await admissionOf(first, eventId)).toBeNull();
    }
    await screenshot(first, "onsale-admission-ended");

    await buyTwoSeats(waiting.page, "back");
    for (const v of [a, b, c]) await v.context.close();
  });
});
