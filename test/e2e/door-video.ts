/**
 * A ticket held up to Chromium's fake camera: a token's QR code as a Y4M video, and a Chromium whose
 * camera plays it. The same technique as door.e2e.ts (toolchain-facts.md: a camera), in a module of
 * its own so more than one scenario can use it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { encode } from "uqr";
import { PHONE } from "./browser.ts";

const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const VIDEOS = path.resolve(import.meta.dirname, "../../test-results/videos");

/** An image as RGBA pixels (a QR code read off a page, or drawn from a token). */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** The pixels of a token's QR code (4 px a module, quiet zone 4), for a ticket not on any page. */
export function qrPixels(token: string): Pixels {
  const modules = encode(token, { ecc: "M", border: 4 }).data;
  const size = modules.length * 4;
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = modules[y >> 2]?.[x >> 2] ? 0 : 255;
      rgba.set([v, v, v, 255], (y * size + x) * 4);
    }
  return { width: size, height: size, rgba };
}

/**
 * A Y4M video (the format Chromium's fake camera plays) of `qr` held still in front of the camera:
 * 640×480, grey background, the code scaled ×`zoom` in the middle (toolchain-facts.md: a camera).
 */
export function y4mOf(qr: Pixels, name: string, zoom = 2): string {
  const W = 640;
  const H = 480;
  const y = new Uint8Array(W * H).fill(200);
  const left = Math.floor((W - qr.width * zoom) / 2);
  const top = Math.floor((H - qr.height * zoom) / 2);
  for (let row = 0; row < qr.height * zoom; row++)
    for (let col = 0; col < qr.width * zoom; col++) {
      const src = (Math.floor(row / zoom) * qr.width + Math.floor(col / zoom)) * 4;
      y[(top + row) * W + left + col] = qr.rgba[src] as number;
    }
  const chroma = new Uint8Array((W / 2) * (H / 2) * 2).fill(128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const file = path.join(VIDEOS, `${name}.y4m`);
  mkdirSync(VIDEOS, { recursive: true });
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]),
  );
  return file;
}

/** A Y4M video of `token`'s QR code held still, 4 px a module ×2. */
export const qrVideo = (token: string, name: string): string => y4mOf(qrPixels(token), name, 2);

/** A headless Chromium whose fake camera plays `video` (no permission prompt). */
export function fakeCameraBrowser(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

export interface Scanner {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** A phone-sized Chromium whose camera plays `video`, camera allowed, with `cookies` (a staff session). */
export async function scannerPhone(
  baseUrl: string,
  video: string,
  cookies: { name: string; value: string }[],
): Promise<Scanner> {
  const browser = await fakeCameraBrowser(video);
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    timezoneId: "Asia/Kolkata",
    locale: "en-IN",
  });
  context.setDefaultTimeout(20_000);
  await context.grantPermissions(["camera"], { origin: baseUrl });
  // __Host- cookies: host-only, path /, Secure (Chromium counts http://localhost as secure). Given as
  // domain + path: Playwright's `url` form sends a Domain that a __Host- cookie may not have.
  const domain = new URL(baseUrl).hostname;
  await context.addCookies(
    cookies.map((c) => ({ ...c, domain, path: "/", secure: true, httpOnly: true, sameSite: "Lax" as const })),
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[scanner] ${error.message}`));
  return { browser, context, page };
}
