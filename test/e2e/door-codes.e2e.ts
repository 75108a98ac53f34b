/**
 * The door beyond the camera, in Chromium on the real stack: the usher types a ticket's short code
 * (online: looked up by the check-in; offline: resolved from the manifest, queued, synced); a
 * manager's conflicts screen lists a ticket two offline gates both admitted; and the scanner,
 * opened once online, reopens with no network and still admits.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../support/database.ts";
import { type GuestTicket, guestTicket } from "./api-booking.ts";
import { LOAD, openPage, screenshot } from "./browser.ts";
import {
  atGate,
  DATABASE,
  newShow,
  nextAnswer,
  nextPerson,
  openDoors,
  queuedOn,
  staffOf,
  startCamera,
  typeCode,
} from "./door-gate.ts";
import type { CookieJar } from "./door-staff.ts";
import { qrVideo, type Scanner, scannerPhone } from "./door-video.ts";

const baseUrl = inject("baseUrl");

let showId: string;
let tickets: Record<"online" | "offline" | "twoGates" | "reopened", GuestTicket & { code: string }>;
let usher1: CookieJar;
let usher2: CookieJar;
let manager: CookieJar;
const scanners: Scanner[] = [];

async function book(seatIds: string[]) {
  const ticket = await guestTicket(baseUrl, showId, seatIds);
  const order = (await (
    await fetch(`${baseUrl}/api/v1/orders/${ticket.orderId}`, { headers: ticket.auth })
  ).json()) as {
    ticketCode: string;
  };
  return { ...ticket, code: order.ticketCode };
}

const admissionsOf = (orderId: string) =>
  withDatabase(DATABASE, async (db) => {
    const { rows } = await db.query<{ seat_id: string; gate: string; source: string }>(
      "select seat_id, gate, source from checkins where order_id = $1 order by seat_id",
      [orderId],
    );
    return rows;
  });

beforeAll(async () => {
  const show = await newShow();
  showId = show.show_id;
  tickets = {
    online: await book(["G1", "G2"]),
    offline: await book(["G3"]),
    twoGates: await book(["G4"]),
    reopened: await book(["G5"]),
  };
  await openDoors(showId);
  usher1 = await staffOf(baseUrl, show.theatre_id, "codes1");
  usher2 = await staffOf(baseUrl, show.theatre_id, "codes2");
  manager = await staffOf(baseUrl, show.theatre_id, "manager", "theatre_manager");
});

afterAll(async () => {
  await Promise.all(scanners.map((s) => s.browser.close()));
});

/** A gate whose camera sees nothing useful: the usher types codes there. */
const typingGate = (jar: CookieJar, gate: string, name: string) =>
  atGate(baseUrl, jar, gate, showId, qrVideo("not a ticket", name), scanners);

describe("the door without the camera", () => {
  it("a typed code online: admitted with seats and name; again: already admitted; an unknown code: refused", async () => {
    const { page } = await typingGate(usher1, "Gate 1", "codes-online");
    const { code } = tickets.online;
    await typeCode(page, `${code.slice(0, 3)} ${code.slice(3).toLowerCase()}`);
    const first = await nextAnswer(page);
    expect(first.verdict).toBe("ADMIT");
    expect(await page.getByTestId("scan-count").textContent()).toBe("Admitted 2 of 2");
    expect(await page.getByTestId("scan-summary").textContent()).toBe("seats G1, G2 — Asha Rao");
    await screenshot(page, "door-9-typed-code");
    await nextPerson(page);
    await typeCode(page, code);
    expect((await nextAnswer(page)).verdict).toBe("REFUSE");
    expect(await page.getByTestId("scan-reason").textContent()).toBe("Already admitted");
    expect(await page.getByTestId("scan-detail").textContent()).toMatch(/^already admitted at Gate 1, \d\d:\d\d$/);
    await nextPerson(page);
    await typeCode(page, "BMS00000000");
    expect((await nextAnswer(page)).verdict).toBe("REFUSE");
    expect(await page.getByTestId("scan-reason").textContent()).toBe("No ticket with this code");
    expect(await admissionsOf(tickets.online.orderId)).toEqual([
      { seat_id: "G1", gate: "Gate 1", source: "online" },
      { seat_id: "G2", gate: "Gate 1", source: "online" },
    ]);
  });

  it("a typed code offline: resolved from the manifest (seats, no name), queued, on the server after reconnecting", async () => {
    const { page, context } = await typingGate(usher1, "Gate 1", "codes-offline");
    await context.setOffline(true);
    await typeCode(page, "BMS00000001");
    expect((await nextAnswer(page)).verdict).toBe("REFUSE");
    expect(await page.getByTestId("scan-reason").textContent()).toBe("No ticket with this code");
    await nextPerson(page);
    await typeCode(page, tickets.offline.code);
    const answer = await nextAnswer(page);
    expect(answer.verdict).toBe("ADMIT");
    expect(answer.text).toContain("offline: will sync");
    expect(await page.getByTestId("scan-summary").textContent()).toBe("seats G3");
    await expect.poll(() => queuedOn(page)).toBe("1");
    await nextPerson(page);
    // The same code again on this device, still offline: already admitted (from its own list).
    await typeCode(page, tickets.offline.code);
    expect((await nextAnswer(page)).verdict).toBe("REFUSE");
    expect(await page.getByTestId("scan-reason").textContent()).toBe("Already admitted");
    await context.setOffline(false);
    await expect.poll(() => queuedOn(page), { timeout: 20_000 }).toBe("0");
    expect(await admissionsOf(tickets.offline.orderId)).toEqual([{ seat_id: "G3", gate: "Gate 1", source: "offline" }]);
  });

  it("two offline gates admit one ticket: the manager's conflicts screen lists it", async () => {
    const one = await typingGate(usher1, "Gate 1", "codes-gate-1");
    const two = await typingGate(usher2, "Gate 2", "codes-gate-2");
    await one.context.setOffline(true);
    await two.context.setOffline(true);
    for (const { page } of [one, two]) {
      await typeCode(page, tickets.twoGates.code);
      expect((await nextAnswer(page)).verdict).toBe("ADMIT");
    }
    await one.context.setOffline(false);
    await expect.poll(() => queuedOn(one.page), { timeout: 20_000 }).toBe("0");
    await two.context.setOffline(false);
    await expect.poll(() => queuedOn(two.page), { timeout: 20_000 }).toBe("0");

    const office = await scannerPhone(baseUrl, qrVideo("office", "codes-manager"), manager.session());
    scanners.push(office);
    const { page } = office;
    await openPage(page, "/scan/conflicts");
    await page.getByLabel("Show").selectOption(showId);
    await page.waitForURL(`**/scan/conflicts?show=${showId}`);
    const row = page.getByTestId("door-conflict");
    await row.first().waitFor({ timeout: 20_000 });
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator("td").allTextContents();
    expect(cells[0]).toBe(tickets.twoGates.code);
    expect(cells[1]).toBe("G4");
    expect(cells[2]).toMatch(/^Gate 1, \d\d:\d\d$/);
    expect(cells[3]).toMatch(/^Gate 2, \d\d:\d\d$/);
    await screenshot(page, "door-10-manager-conflicts");
    // An usher of the show sees the same list; someone with no role at the theatre does not.
    expect(await (await usher2.fetch(`/api/v1/door/shows/${showId}/conflicts`)).json()).toMatchObject({
      conflicts: [expect.objectContaining({ seatId: "G4" })],
    });
  });

  it("reopening /scan with no network: the scanner comes back from the offline copy and admits", async () => {
    const scanner = await atGate(
      baseUrl,
      usher1,
      "Gate 3",
      showId,
      qrVideo(tickets.reopened.token, "codes-reopened"),
      scanners,
    );
    const { page, context } = scanner;
    // The offline worker has every bundle this visit loaded (the scanner's code, the QR decoder).
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const cache = await caches.open("housefull-offline-v1");
            const loaded = performance
              .getEntriesByType("resource")
              .map((e) => e.name)
              .filter((name) => new URL(name).pathname.startsWith("/assets/"));
            const kept = await Promise.all(loaded.map((url) => cache.match(url)));
            // And the page itself, with its own headers (only /scan may use the camera).
            const itself = await cache.match(`${location.origin}/scan`);
            return loaded.length > 0 && kept.every(Boolean) && itself !== undefined;
          }),
        { timeout: 20_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.reload(LOAD);
    await page.getByTestId("door-gate").waitFor();
    expect(await page.getByTestId("door-gate").textContent()).toContain("Gate 3");
    // The show's list comes back from IndexedDB.
    await expect.poll(() => page.getByTestId("door-manifest").getAttribute("data-synced")).toBe("yes");
    expect(await page.getByTestId("door-queue").textContent()).toContain("offline");
    await startCamera(page);
    const answer = await nextAnswer(page);
    expect(answer.verdict).toBe("ADMIT");
    expect(answer.text).toContain("offline: will sync");
    await expect.poll(() => queuedOn(page)).toBe("1");
    await context.setOffline(false);
    await expect.poll(() => queuedOn(page), { timeout: 20_000 }).toBe("0");
    expect(await admissionsOf(tickets.reopened.orderId)).toEqual([
      { seat_id: "G5", gate: "Gate 3", source: "offline" },
    ]);
  });
});
