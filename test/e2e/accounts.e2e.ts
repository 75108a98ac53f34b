/**
 * Accounts in Chromium on the real stack: signing in through the local OpenID provider (the stand-in
 * for Google), bookings that follow the person to a second, fresh browser; the email-code sign-in
 * with the code read from the local mail output, then the account page (rename, delete); and a
 * guest's booking that comes along when they sign in.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  accountButton,
  bookUpToPayment,
  headerSignIn,
  payInTheApp,
  signInCodeSentTo,
  signInWithGoogle,
  uniqueEmail,
} from "./accounts-flows.ts";
import { LOAD, openPage, screenshot, suiteBrowser } from "./browser.ts";
import { bookableShows, continueToCheckout, continueToPay, openSeatMap, pickSeatsByClicking, textOf } from "./flows.ts";

const baseUrl = inject("baseUrl");
const { visitor } = suiteBrowser(baseUrl);

/** My bookings' cards, as text. */
async function listedBookings(page: Page): Promise<string[]> {
  await page.getByRole("heading", { name: "My bookings", level: 1 }).waitFor();
  const cards = page.getByRole("main").getByRole("listitem");
  await cards.first().waitFor();
  return Promise.all((await cards.all()).map((card) => textOf(card)));
}

/** A guest in a fresh browser, a show they can book, and the email they will sign in with later. */
async function guestAtShow(name: string) {
  const [show] = await bookableShows(baseUrl, 1, 9);
  if (!show) throw new Error("no show");
  return { email: uniqueEmail(name), show, ...(await visitor()) };
}

describe("accounts", () => {
  it("signs in with Google (the local provider), books, and sees the booking in a second, fresh browser", async () => {
    const email = uniqueEmail("asha");
    const [show] = await bookableShows(baseUrl, 1, 8);
    if (!show) throw new Error("no show");

    const first = await visitor();
    await openPage(first.page, `/movies/${show.movieId}`);
    await signInWithGoogle(first.page, email, "Asha Rao");
    // Back where they were, signed in: the header says who.
    await first.page.waitForURL(`**/movies/${show.movieId}`);
    await accountButton(first.page, "Asha Rao").waitFor();
    expect(await headerSignIn(first.page).count()).toBe(0);
    await screenshot(first.page, "accounts-1-signed-in");

    // Checkout knows them: name and email are filled in from the account.
    const { seatIds } = await bookUpToPayment(first.page, show, { name: "Asha Rao", email });
    await payInTheApp(first.page);

    // Another device: a fresh context, signed in as the same person, lists the booking.
    const second = await visitor();
    await openPage(second.page, "/bookings");
    await signInWithGoogle(second.page, email);
    await second.page.waitForURL("**/bookings");
    await accountButton(second.page, "Asha Rao").waitFor();
    const listed = await listedBookings(second.page);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(show.movieTitle);
    for (const id of seatIds) expect(listed[0]).toContain(id);
    expect(listed[0]).toMatch(/confirmed/i);
    await screenshot(second.page, "accounts-2-second-device-bookings");

    // The header's menu: My bookings, Account, Sign out; the account page lists both devices.
    await accountButton(second.page, "Asha Rao").click();
    await second.page.getByRole("link", { name: "Account" }).click();
    await second.page.waitForURL("**/account");
    await second.page.getByRole("heading", { name: "Signed-in devices" }).waitFor();
    const devices = second.page.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem");
    await expect.poll(() => devices.count()).toBe(2);
    expect(await textOf(devices.filter({ hasText: "This device" }))).toContain("Google");

    // Signing out here leaves the other device signed in.
    await accountButton(second.page, "Asha Rao").click();
    await second.page.getByRole("button", { name: "Sign out", exact: true }).click();
    await second.page.waitForURL((url) => url.pathname === "/");
    await headerSignIn(second.page).waitFor();
    await openPage(first.page, "/bookings");
    await accountButton(first.page, "Asha Rao").waitFor();
    await first.context.close();
    await second.context.close();
  });

  it("signs in with an emailed code (read from the local mail output), renames, deletes the account", async () => {
    const email = uniqueEmail("ravi");
    const { context, page } = await visitor();
    await openPage(page, "/sign-in?returnTo=%2Fbookings&error=STATE_MISMATCH");
    // A refused Google sign-in is explained in words.
    await page.getByText("started in another tab or browser").waitFor();

    // A malformed address is caught before anything is sent.
    await page.getByLabel("Email", { exact: true }).fill("ravi@");
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.getByText("Enter a valid email address").waitFor();

    const asked = Date.now();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.getByRole("heading", { name: "Enter your code" }).waitFor();
    const code = await signInCodeSentTo(email, asked);

    // A wrong code: words, and still signed out.
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("That code is wrong or has expired").waitFor();
    await screenshot(page, "accounts-3-wrong-code");

    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/bookings");
    await accountButton(page, email).waitFor();
    await page.getByText("No bookings yet").waitFor();

    // Account page: rename (the header follows), then delete behind a confirmation.
    await openPage(page, "/account");
    await page.getByRole("heading", { name: "Your details" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain(email);
    await page.getByLabel("Name").fill("Ravi Kumar");
    await page.getByRole("button", { name: "Save name" }).click();
    await accountButton(page, "Ravi Kumar").waitFor();
    await page.reload(LOAD);
    await expect.poll(() => page.getByLabel("Name").inputValue()).toBe("Ravi Kumar");
    await screenshot(page, "accounts-4-account-page");

    await page.getByRole("button", { name: "Delete my account" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.waitFor();
    // The safe choice first: keeping it changes nothing.
    await dialog.getByRole("button", { name: "Keep my account" }).click();
    await accountButton(page, "Ravi Kumar").waitFor();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
    await page.getByText("Your account was deleted").waitFor();
    await headerSignIn(page).waitFor();
    const session = await page.evaluate(async () => (await fetch("/api/v1/auth/session")).json());
    expect(session).toEqual({ signedIn: false });
    await context.close();
  });

  it("a guest books, then signs in: the guest's booking is in the account, on every device", async () => {
    const { email, show, context, page } = await guestAtShow("meera");
    const { seatIds } = await bookUpToPayment(page, show);
    await payInTheApp(page);
    expect(await page.evaluate(() => localStorage.getItem("housefull.identity"))).not.toBeNull();

    await openPage(page, "/bookings");
    expect((await listedBookings(page))[0]).toContain(show.movieTitle);
    await signInWithGoogle(page, email, "Meera Iyer");
    await page.waitForURL("**/bookings");
    await accountButton(page, "Meera Iyer").waitFor();
    const listed = await listedBookings(page);
    expect(listed).toHaveLength(1);
    for (const id of seatIds) expect(listed[0]).toContain(id);
    // Claimed once, then the guest token is gone: this browser is the account now.
    await expect.poll(() => page.evaluate(() => localStorage.getItem("housefull.identity"))).toBeNull();

    // And the account has it anywhere: a fresh browser signed in as the same person.
    const other = await visitor();
    await openPage(other.page, "/bookings");
    await signInWithGoogle(other.page, email);
    await other.page.waitForURL("**/bookings");
    const elsewhere = await listedBookings(other.page);
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).toContain(show.movieTitle);
    await other.context.close();
    await context.close();
  });

  it("a guest signs in mid-checkout: the hold stays, the order is the account's, the guest token can't use it", async () => {
    const { email, show, context, page } = await guestAtShow("kabir");
    await openSeatMap(page, show.showId);
    const seatIds = await pickSeatsByClicking(page, 2);
    await continueToCheckout(page);
    await page.getByRole("heading", { name: "Order summary" }).waitFor();
    const checkout = new URL(page.url()).pathname;
    const holdId = checkout.split("/").pop() ?? "";
    const guestToken = await page.evaluate(
      () => (JSON.parse(localStorage.getItem("housefull.identity") ?? "{}") as { token?: string }).token ?? "",
    );
    expect(guestToken).not.toBe("");

    // Signing in from the checkout page comes back to it, the seats still held, now as the account.
    await signInWithGoogle(page, email, "Kabir Shah");
    await page.waitForURL((url) => url.pathname === checkout);
    await accountButton(page, "Kabir Shah").waitFor();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("housefull.identity"))).toBeNull();
    await page.getByRole("heading", { name: "Order summary" }).waitFor();
    // The summary's seats come with the hold, read again as the account once the sign-in settles.
    for (const id of seatIds) await expect.poll(() => textOf(page.getByRole("main"))).toContain(id);
    const byGuest = await page.request.get(`${baseUrl}/api/v1/holds/${holdId}`, {
      headers: { authorization: `Bearer ${guestToken}` },
    });
    expect(byGuest.status()).toBe(404);
    const mine = await page.request.get(`${baseUrl}/api/v1/shows/${show.showId}/seatmap?holdId=${holdId}`);
    const seats = ((await mine.json()) as { rows: { seats: ({ seatId: string; mine: boolean } | null)[] }[] }).rows
      .flatMap((r) => r.seats)
      .filter((s) => s && seatIds.includes(s.seatId));
    expect(seats.map((s) => s?.mine)).toEqual([true, true]);

    await expect.poll(() => page.getByLabel("Email", { exact: true }).inputValue()).toBe(email);
    await page.getByLabel("Mobile number").fill("+91 98765 43210");
    await continueToPay(page);
    await payInTheApp(page);
    await openPage(page, "/bookings");
    const listed = await listedBookings(page);
    expect(listed).toHaveLength(1);
    for (const id of seatIds) expect(listed[0]).toContain(id);
    await context.close();
  });

  it("a sign-in the API could not start lands on the sign-in page with a clear message, both reasons", async () => {
    const { context, page } = await visitor();
    const words = {
      RATE_LIMITED: /too many sign-in attempts from this network\. Wait a minute/i,
      SIGN_IN_UNAVAILABLE: /Signing in with Google is not available right now\. Sign in with an email code instead/i,
    };
    for (const [code, message] of Object.entries(words)) {
      await openPage(page, `/sign-in?error=${code}&returnTo=%2Fbookings`);
      const notice = page.getByText(message);
      await notice.waitFor();
      expect(await page.getByText("You're not signed in yet").isVisible()).toBe(true);
      // The ways to sign in are still there, and still go back to where the person was.
      const google = await page.getByRole("link", { name: "Sign in with Google" }).getAttribute("href");
      expect(google).toContain("returnTo=%2Fbookings");
    }
    await context.close();
  });
});
