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

/** A Y4M video (640×480, grey) of `token`'s QR code held still, 4 px a module ×2. */
export function qrVideo(token: string, name: string): string {
  const modules = encode(token, { ecc: "M", border: 4 }).data;
  const scale = 8;
  const size = modules.length * scale;
  const W = 640;
  const H = 480;
  const y = new Uint8Array(W * H).fill(200);
  const left = Math.floor((W - size) / 2);
  const top = Math.floor((H - size) / 2);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      y[(top + row) * W + left + col] = modules[Math.floor(row / scale)]?.[Math.floor(col / scale)] ? 0 : 255;
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
  const browser = await chromium.launch({
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
