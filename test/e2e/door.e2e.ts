/**
 * Tickets at the door, in Chromium on the real stack: the ticket page's QR code decodes to exactly
 * the token GET /orders/{id}/ticket returns; and the usher's scanner (/scan), fed that very QR code
 * through Chromium's fake camera (a .y4m video made here from the page's own pixels), shows it
 * valid, while a video of a tampered token shows it forged.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { base64UrlDecode, base64UrlEncode } from "../../src/shared/ticket-token.ts";
import { type GuestTicket, guestTicket } from "./api-booking.ts";
import { LOAD, openPage, PHONE, SCREENSHOTS, screenshot, suiteBrowser } from "./browser.ts";
import { fakeCameraBrowser, type Pixels, qrPixels, y4mOf } from "./door-video.ts";
import { bookableShows } from "./flows.ts";

const baseUrl = inject("baseUrl");

type Booked = GuestTicket & { seatIds: string[] };

/** A guest books two free seats through the API and pays (the one confirm helper); returns its ticket. */
async function bookAndConfirm(): Promise<Booked> {
  const [show] = await bookableShows(baseUrl, 1, 2);
  if (!show) throw new Error("no show");
  const map = (await (await fetch(`${baseUrl}/api/v1/shows/${show.showId}/seatmap`)).json()) as {
    rows: { seats: ({ seatId: string; state: string } | null)[] }[];
  };
  const free = map.rows.flatMap((r) => r.seats.flatMap((s) => (s && s.state === "AVAILABLE" ? [s.seatId] : [])));
  const seatIds = free.slice(Math.floor(free.length / 2), Math.floor(free.length / 2) + 2);
  return { ...(await guestTicket(baseUrl, show.showId, seatIds)), seatIds };
}

/** The ticket page's QR code as the browser paints it: its SVG drawn onto a canvas, read back. */
async function pagePixels(page: Page): Promise<Pixels> {
  const { width, height, data } = await page.getByTestId("ticket-qr").evaluate(async (svg) => {
    const size = 4 * (svg as SVGSVGElement).viewBox.baseVal.width;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("width", String(size));
    clone.setAttribute("height", String(size));
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(clone.outerHTML)}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.drawImage(image, 0, 0, size, size);
    const frame = ctx.getImageData(0, 0, size, size);
    return { width: size, height: size, data: Array.from(frame.data) };
  });
  return { width, height, rgba: Uint8ClampedArray.from(data) };
}

/** A Chromium whose camera plays `video`; its page opens /scan as a phone, camera allowed. */
async function scannerWith(video: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await fakeCameraBrowser(video);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, isMobile: true, hasTouch: true });
  await context.grantPermissions(["camera"], { origin: baseUrl });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[scanner] ${error.message}`));
  await openPage(page, "/scan");
  await expect.poll(() => page.getByTestId("door-keys").getAttribute("data-ready")).toBe("yes");
  await page.getByRole("button", { name: "Start scanning" }).click();
  return { browser, page };
}

const { visit } = suiteBrowser(baseUrl);
let booked: Booked;
let shown: Pixels;

beforeAll(async () => {
  booked = await bookAndConfirm();
});

describe("tickets at the door", () => {
  it("the ticket page's QR code decodes to exactly the token the API returns; it prints and saves", async () => {
    await visit(PHONE, async ({ context, page }) => {
      await context.addInitScript(
        (identity) => localStorage.setItem("housefull.identity", JSON.stringify(identity)),
        booked.identity,
      );
      await openPage(page, `/tickets/${booked.orderId}`);
      await page.getByTestId("ticket-qr").waitFor();
      shown = await pagePixels(page);
      expect(jsQR(shown.rgba, shown.width, shown.height)?.data).toBe(booked.token);
      // Large enough for any door camera: at least 3 CSS px a module on a phone.
      const box = await page.getByTestId("ticket-qr").boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual((shown.width / 4) * 3);
      await screenshot(page, "door-1-ticket-qr");

      // Printed: the QR code stays, the buttons go.
      await page.emulateMedia({ media: "print" });
      expect(await page.getByTestId("ticket-qr").isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Save ticket" }).isVisible()).toBe(false);
      await page.emulateMedia({ media: "screen" });

      // "Save ticket" downloads a PNG made on the device.
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Save ticket" }).click();
      expect((await download).suggestedFilename()).toMatch(/^ticket-BMS[0-9A-F]{8}\.png$/);

      // Seen once, the ticket opens again with no network (the offline worker).
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload(LOAD);
      await page.getByTestId("ticket-qr").waitFor();
      await context.setOffline(true);
      await page.reload(LOAD);
      await page.getByTestId("ticket-qr").waitFor();
      expect(await page.getByTestId("ticket-qr").getAttribute("data-token")).toBe(booked.token);
    });
  });

  it("the scanner, shown the page's own QR code through the camera, says valid with the seats and name", async () => {
    const { browser: scanner, page } = await scannerWith(y4mOf(shown, "ticket"));
    try {
      const answer = page.getByTestId("scan-answer");
      await answer.waitFor({ timeout: 20_000 });
      expect(await answer.getAttribute("data-verdict")).toBe("ADMIT");
      expect(await page.getByTestId("scan-seats").textContent()).toBe(booked.seatIds.join(" · "));
      expect(await answer.textContent()).toContain("Asha Rao");
      expect(await answer.textContent()).toContain("2 people");
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "door-2-scan-valid.png") });
    } finally {
      await scanner.close();
    }
  });

  it("a tampered ticket (one seat changed, signature kept) shows red: forged or altered", async () => {
    const bytes = base64UrlDecode(booked.token) as Uint8Array;
    const lastSeat = bytes.length - 64 - 1;
    bytes[lastSeat] = (bytes[lastSeat] as number) + 1;
    const { browser: scanner, page } = await scannerWith(y4mOf(qrPixels(base64UrlEncode(bytes)), "tampered"));
    try {
      const answer = page.getByTestId("scan-answer");
      await answer.waitFor({ timeout: 20_000 });
      expect(await answer.getAttribute("data-verdict")).toBe("REFUSE");
      expect(await page.getByTestId("scan-reason").textContent()).toBe("Forged or altered");
      await page.screenshot({ path: path.join(SCREENSHOTS, "door-3-scan-forged.png") });
      // The typed short code is the fallback; it cannot be proven offline and says so.
      await page.getByRole("button", { name: /Tap for the next/ }).click();
    } finally {
      await scanner.close();
    }
  });
});
