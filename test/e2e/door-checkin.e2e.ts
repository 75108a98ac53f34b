/**
 * Check-in at the door in Chromium on the real stack: a signed-in usher picks the gate on /scan and
 * holds tickets up to the (fake) camera. Online: a real ticket is admitted, the same ticket again is
 * "already admitted", another show's ticket and a cancelled one are refused. Offline: the manifest
 * is downloaded, the network cut, a ticket admitted on the device, and on reconnect the admission is
 * on the server; two offline gates admitting one ticket both see the conflict after they sync.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../support/database.ts";
import { type GuestTicket, guestTicket } from "./api-booking.ts";
import { SCREENSHOTS } from "./browser.ts";
import {
  DATABASE,
  newShow,
  nextAnswer,
  openDoors,
  queuedOn,
  staffOf,
  atGate as standAtGate,
  startCamera,
} from "./door-gate.ts";
import type { CookieJar } from "./door-staff.ts";
import { qrVideo, type Scanner } from "./door-video.ts";

const baseUrl = inject("baseUrl");

/** A guest books `seatIds` on `showId` through the API and pays. */
const book = (showId: string, seatIds: string[]) => guestTicket(baseUrl, showId, seatIds);

let showId: string;
let tickets: Record<"online" | "otherShow" | "cancelled" | "offline" | "twoGates", GuestTicket>;
let gate1: CookieJar;
let gate2: CookieJar;
const scanners: Scanner[] = [];

beforeAll(async () => {
  const show = await newShow();
  const other = await newShow();
  showId = show.show_id;
  tickets = {
    online: await book(showId, ["C4", "C5"]),
    otherShow: await book(other.show_id, ["C4"]),
    cancelled: await book(showId, ["D1"]),
    offline: await book(showId, ["E1"]),
    twoGates: await book(showId, ["F7"]),
  };
  const cancel = await fetch(`${baseUrl}/api/v1/orders/${tickets.cancelled.orderId}/cancel`, {
    method: "POST",
    headers: tickets.cancelled.auth,
  });
  expect(cancel.status).toBe(200);
  await openDoors(showId);
  gate1 = await staffOf(baseUrl, show.theatre_id, "usher1");
  gate2 = await staffOf(baseUrl, show.theatre_id, "usher2");
});

afterAll(async () => {
  await Promise.all(scanners.map((s) => s.browser.close()));
});

/** A scanner phone showing `ticket` to its camera, signed in as `jar`'s usher, at `gate` of the show. */
const atGate = (jar: CookieJar, gate: string, ticket: GuestTicket, name: string) =>
  standAtGate(baseUrl, jar, gate, showId, qrVideo(ticket.token, name), scanners);

const shot = (page: Scanner["page"], name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

describe("check-in at the door", () => {
  it("admits a real ticket online; the same ticket again is already admitted, at which gate and when", async () => {
    const { page } = await atGate(gate1, "Gate 1", tickets.online, "checkin-online");
    await startCamera(page);
    const first = await nextAnswer(page);
    expect(first.verdict).toBe("ADMIT");
    expect(await page.getByTestId("scan-count").textContent()).toBe("Admitted 2 of 2");
    expect(await page.getByTestId("scan-summary").textContent()).toBe("seats C4, C5 — Asha Rao");
    await shot(page, "door-4-checkin-admitted");
    // Tap for the next person: the same ticket is still in front of the camera.
    await first.answer.click();
    const again = await nextAnswer(page);
    expect(again.verdict).toBe("REFUSE");
    expect(await page.getByTestId("scan-reason").textContent()).toBe("Already admitted");
    expect(await page.getByTestId("scan-detail").textContent()).toMatch(/^already admitted at Gate 1, \d\d:\d\d$/);
    await shot(page, "door-5-checkin-already");
    const manifest = (await (await gate1.fetch(`/api/v1/door/shows/${showId}/manifest`)).json()) as {
      admitted: { orderId: string; seats: { seatId: string; gate: string }[] }[];
    };
    expect(manifest.admitted.find((a) => a.orderId === tickets.online.orderId)?.seats.map((s) => s.seatId)).toEqual([
      "C4",
      "C5",
    ]);
  });

  it("refuses a ticket of another show, and a cancelled (refunded) ticket, with the reason", async () => {
    const wrong = await atGate(gate1, "Gate 1", tickets.otherShow, "checkin-other-show");
    await startCamera(wrong.page);
    const answer = await nextAnswer(wrong.page);
    expect(answer.verdict).toBe("REFUSE");
    expect(await wrong.page.getByTestId("scan-reason").textContent()).toBe("Ticket for another show");
    const revoked = await atGate(gate1, "Gate 1", tickets.cancelled, "checkin-cancelled");
    await startCamera(revoked.page);
    expect((await nextAnswer(revoked.page)).verdict).toBe("REFUSE");
    expect(await revoked.page.getByTestId("scan-reason").textContent()).toBe("Cancelled or refunded");
    await shot(revoked.page, "door-6-checkin-revoked");
  });

  it("offline: admits from the downloaded manifest, queues, and syncs when the network returns", async () => {
    const { page, context } = await atGate(gate1, "Gate 1", tickets.offline, "checkin-offline");
    await context.setOffline(true);
    await startCamera(page);
    const answer = await nextAnswer(page);
    expect(answer.verdict).toBe("ADMIT");
    expect(answer.text).toContain("offline: will sync");
    await expect.poll(() => queuedOn(page)).toBe("1");
    await shot(page, "door-7-checkin-offline");
    await context.setOffline(false);
    await expect.poll(() => queuedOn(page), { timeout: 20_000 }).toBe("0");
    const rows = await withDatabase(DATABASE, (db) =>
      db.query<{ seat_id: string; gate: string; source: string }>(
        "select seat_id, gate, source from checkins where order_id = $1",
        [tickets.offline.orderId],
      ),
    );
    expect(rows.rows).toEqual([{ seat_id: "E1", gate: "Gate 1", source: "offline" }]);
  });

  it("two offline gates admit one ticket: after both sync, both gates see the conflict", async () => {
    const one = await atGate(gate1, "Gate 1", tickets.twoGates, "checkin-gate-1");
    const two = await atGate(gate2, "Gate 2", tickets.twoGates, "checkin-gate-2");
    await one.context.setOffline(true);
    await two.context.setOffline(true);
    await startCamera(one.page);
    await startCamera(two.page);
    expect((await nextAnswer(one.page)).verdict).toBe("ADMIT");
    expect((await nextAnswer(two.page)).verdict).toBe("ADMIT");
    await one.context.setOffline(false);
    await expect.poll(() => queuedOn(one.page), { timeout: 20_000 }).toBe("0");
    await two.context.setOffline(false);
    await expect.poll(() => queuedOn(two.page), { timeout: 20_000 }).toBe("0");
    for (const { page } of [one, two]) {
      const banner = page.getByTestId("door-conflicts");
      await banner.waitFor({ timeout: 20_000 });
      expect(await banner.textContent()).toMatch(/seat F7 — first at Gate 1, \d\d:\d\d; again at Gate 2, \d\d:\d\d/);
    }
    // The banner is there for the usher between answers too.
    await two.page.getByTestId("scan-answer").click();
    await shot(two.page, "door-8-checkin-conflict");
    const { conflicts } = (await (await gate1.fetch(`/api/v1/door/shows/${showId}/conflicts`)).json()) as {
      conflicts: { orderId: string; first: { gate: string }; second: { gate: string } }[];
    };
    expect(conflicts).toEqual([
      expect.objectContaining({
        orderId: tickets.twoGates.orderId,
        first: expect.objectContaining({ gate: "Gate 1" }),
      }),
    ]);
  });
});
