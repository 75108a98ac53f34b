/**
 * Steps the accounts scenarios share: signing in through the local OpenID provider (its page asks
 * for an email, "Continue"), reading a sign-in code from the local mail output, booking up to the
 * payment page, and paying through the API from inside the page (its cookies or guest token).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import {
  continueToCheckout,
  continueToPay,
  fillCheckout,
  openSeatMap,
  payOnSandbox,
  pickSeatsByClicking,
  type ShowPick,
} from "./flows.ts";

/** An address no other run uses, so its mail and its account are this scenario's alone. */
export const uniqueEmail = (who: string) =>
  `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.in`;

/** From the page the person is on: the header's "Sign in", then "Sign in with Google" and the provider. */
export async function signInWithGoogle(page: Page, email: string, name?: string): Promise<void> {
  await headerSignIn(page).click();
  await page.waitForURL("**/sign-in?**");
  await page.getByRole("link", { name: "Sign in with Google" }).click();
  // The local provider's own page (another origin): "Email", optionally "Name", "Continue".
  await page.getByLabel("Email", { exact: true }).waitFor();
  await page.getByLabel("Email", { exact: true }).fill(email);
  if (name) await page.getByLabel(/^Name/).fill(name);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The header's "Sign in" link (shown to anyone not signed in). */
export const headerSignIn = (page: Page) =>
  page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Sign in", exact: true });

/** The header's menu button of whoever is signed in (its name is theirs). */
export const accountButton = (page: Page, label: string | RegExp) =>
  page.getByRole("navigation", { name: "Your account" }).getByRole("button", { name: label });

/**
 * The sign-in code sent to `email`, from Miniflare's local mail output (`send_email` writes each
 * message to `<tmpdir>/miniflare-<random>/files/email/<uuid>.eml`; the e2e stacks' wrangler runs
 * share this machine's tmpdir). Waits for the queue consumer to send it.
 */
export async function signInCodeSentTo(email: string, since: number, timeoutMs = 20_000): Promise<string> {
  const text = await mailTo(email, since, /sign-in code(?: is|:) \d{6}/, timeoutMs);
  return /sign-in code(?: is|:) (\d{6})/.exec(text)?.[1] ?? "";
}

/**
 * The first message to `email` since `since` whose decoded text matches `pattern`, from the same
 * local mail output; waits for the queue consumer to send it. Answers the decoded text.
 */
export async function mailTo(email: string, since: number, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of await recentEmails(since)) {
      const text = readableMail(await readFile(file, "utf8"));
      if (text.includes(`<${email}>`) && pattern.test(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no message to ${email} matching ${pattern} in the local mail output within ${timeoutMs} ms`);
}

/** The message with its encoded headers (`=?utf-8?B?…?=`) and base64 parts decoded. */
function readableMail(raw: string): string {
  const words = raw.replace(/=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_, b64: string) =>
    Buffer.from(b64, "base64").toString("utf8"),
  );
  return words.replace(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/gi, (_, b64: string) =>
    Buffer.from(b64.replace(/\s/g, ""), "base64").toString("utf8"),
  );
}

async function recentEmails(since: number): Promise<string[]> {
  const root = tmpdir();
  const found: string[] = [];
  for (const dir of (await readdir(root)).filter((d) => d.startsWith("miniflare-"))) {
    const folder = path.join(root, dir, "files/email");
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".eml"))) {
      const file = path.join(folder, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs >= since - 1000) found.push(file);
    }
  }
  return found;
}

/**
 * Seat map → checkout → "Continue to pay" for two seats of `show`; returns the order id from the
 * pay page's address. `expectPrefill` checks what checkout filled in from the account.
 */
export async function bookUpToPayment(
  page: Page,
  show: ShowPick,
  expectPrefill?: { name?: string; email: string },
): Promise<{ orderId: string; seatIds: string[] }> {
  await openSeatMap(page, show.showId);
  const seatIds = await pickSeatsByClicking(page, 2);
  await continueToCheckout(page);
  await page.getByRole("heading", { name: "Order summary" }).waitFor();
  if (expectPrefill) {
    await expect.poll(() => page.getByLabel("Email", { exact: true }).inputValue()).toBe(expectPrefill.email);
    if (expectPrefill.name) expect(await page.getByLabel("Full name").inputValue()).toBe(expectPrefill.name);
    await page.getByLabel("Mobile number").fill("+91 98765 43210");
    if (!expectPrefill.name) await page.getByLabel("Full name").fill("Asha Rao");
  } else {
    await fillCheckout(page);
  }
  await continueToPay(page);
  const orderId = /\/orders\/([^/]+)\/pay$/.exec(new URL(page.url()).pathname)?.[1] ?? "";
  expect(orderId).not.toBe("");
  return { orderId, seatIds };
}

/** On the order's pay page: "Pay ₹…", the sandbox's "Pay" (Stripe Checkout's stand-in), back at the ticket. */
export async function payInTheApp(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payOnSandbox(page);
  await page.waitForURL("**/tickets/*");
  await page.getByTestId("ticket-code").waitFor();
}
