// The issue's security list on the real stack, each refused with nothing changed; and no token,
// code or cookie value in any log line.
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { emailCodes, sessions, users } from "../../src/accounts/tables";
import { beginOidcSignIn } from "../../src/accounts/use-cases/begin-oidc-sign-in";
import { completeOidcSignIn } from "../../src/accounts/use-cases/complete-oidc-sign-in";
import { verifyEmailCode } from "../../src/accounts/use-cases/verify-email-code";
import { configOf } from "../../src/env";
import { clientIp, deps, emailCodeFor, Jar, oidcCallbackFor, signInByEmail, signInByOidc } from "./accounts-helpers";
import { db } from "./fixtures";
import { call } from "./http";

const address = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
const usersWith = async (email: string) => (await db().select().from(users).where(eq(users.email, email))).length;
const sessionCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(sessions))[0]?.n ?? 0;
const refusedTo = (res: Response) => res.headers.get("location");
const setsSession = (res: Response) => res.headers.getSetCookie().some((l) => /^__Host-hf_session=[^;]+/.test(l));

describe("OIDC callback refusals (local provider): nothing signed in, nothing written", () => {
  it("a wrong state", async () => {
    const email = address("state");
    const jar = new Jar();
    const { callback } = await oidcCallbackFor(jar, email);
    callback.searchParams.set("state", "forged-state");
    const res = await jar.call(`${callback.pathname}${callback.search}`);
    expect(res.status).toBe(302);
    expect(refusedTo(res)).toBe("/sign-in?error=STATE_MISMATCH");
    expect(setsSession(res)).toBe(false);
    expect(await usersWith(email)).toBe(0);
  });

  it("a callback in a browser that did not start the sign-in (no flow cookie)", async () => {
    const email = address("no-flow");
    const { path } = await oidcCallbackFor(new Jar(), email);
    const res = await new Jar().call(path);
    expect(refusedTo(res)).toBe("/sign-in?error=NO_SIGN_IN_FLOW");
    expect(await usersWith(email)).toBe(0);
  });

  it("a replayed authorization code, even with the flow cookie copied", async () => {
    const email = address("replay");
    const jar = new Jar();
    const { path } = await oidcCallbackFor(jar, email);
    const flowCookie = jar.header();
    expect((await jar.call(path)).headers.get("location")).toBe("/my-bookings");
    const before = await sessionCount();
    const replay = await call(path, { headers: { cookie: flowCookie }, redirect: "manual" });
    expect(refusedTo(replay)).toBe("/sign-in?error=TOKEN_EXCHANGE_FAILED");
    expect(setsSession(replay)).toBe(false);
    expect(await sessionCount()).toBe(before);
  });
});

describe("ID tokens a certified provider never issues (a controlled issuer): refused, nothing written", () => {
  const issuer = inject("controlledIssuer");
  const controlledDeps = () => ({
    ...deps(),
    config: { ...configOf(env), OIDC_ISSUER: issuer },
  });
  /** Starts a sign-in at the controlled issuer and answers its token request with these claims. */
  async function callbackWith(claims: (nonce: string) => Record<string, unknown>, key?: "stranger") {
    const d = controlledDeps();
    const start = await beginOidcSignIn(d, { returnTo: "/" });
    if (start.outcome !== "REDIRECT") throw new Error(start.outcome);
    const url = new URL(start.authorizationUrl);
    const nonce = url.searchParams.get("nonce") ?? "";
    await fetch(`${issuer}/control/next-id-token`, {
      method: "POST",
      body: JSON.stringify({ claims: claims(nonce), key }),
    });
    return completeOidcSignIn(d, {
      flow: start.flow,
      code: "any-code",
      state: url.searchParams.get("state") ?? "",
      device: null,
    });
  }
  const identity = (email: string) => ({ sub: `sub-${email}`, email, email_verified: true });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ["a wrong nonce", (email: string) => (_n: string) => ({ ...identity(email), nonce: "other" }), "NONCE_MISMATCH"],
    ["no nonce", (email: string) => (_n: string) => identity(email), "NONCE_MISMATCH"],
    [
      "another audience",
      (email: string) => (n: string) => ({ ...identity(email), nonce: n, aud: "someone-else" }),
      "BAD_ID_TOKEN",
    ],
    [
      "an expired token",
      (email: string) => (n: string) => ({ ...identity(email), nonce: n, iat: now() - 7200, exp: now() - 3600 }),
      "BAD_ID_TOKEN",
    ],
  ])("%s", async (_label, claims, reason) => {
    const email = address("controlled");
    const before = await sessionCount();
    expect(await callbackWith(claims(email))).toMatchObject({ outcome: "REFUSED", reason });
    expect(await usersWith(email)).toBe(0);
    expect(await sessionCount()).toBe(before);
  });

  it("a token re-signed with a stranger's key (same kid)", async () => {
    const email = address("resigned");
    const outcome = await callbackWith((n) => ({ ...identity(email), nonce: n }), "stranger");
    expect(outcome).toMatchObject({ outcome: "REFUSED", reason: "BAD_ID_TOKEN" });
    expect(await usersWith(email)).toBe(0);
  });

  it("and the same issuer's genuine token signs in (the refusals above are the claims' doing)", async () => {
    const email = address("genuine");
    expect(await callbackWith((n) => ({ ...identity(email), nonce: n }))).toMatchObject({ outcome: "SIGNED_IN" });
    expect(await usersWith(email)).toBe(1);
  });
});

describe("email code refusals", () => {
  it("after 5 wrong tries even the right code is refused, and no account is made", async () => {
    const email = address("tries");
    const ip = clientIp();
    const { code } = await emailCodeFor(email, ip);
    const wrong = code === "000000" ? "111111" : "000000";
    const verify = (c: string) =>
      call("/api/v1/auth/email/verify", {
        method: "POST",
        headers: { "cf-connecting-ip": ip },
        json: { email, code: c },
      });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => verify(wrong)).map(async (r) => (await r).status),
    );
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const res = await verify(code);
    expect(res.status).toBe(400);
    expect(setsSession(res)).toBe(false);
    expect(await usersWith(email)).toBe(0);
    const [row] = await db().select().from(emailCodes).where(eq(emailCodes.email, email));
    expect(row).toMatchObject({ attempts: 5, consumedAt: null });
  });

  it("after 10 minutes the code is refused (and the try is not even counted)", async () => {
    const email = address("late");
    const { code } = await emailCodeFor(email);
    const tenMinutesLater = { now: () => new Date(Date.now() + 10 * 60_000 + 1_000) };
    expect(await verifyEmailCode({ ...deps(), clock: tenMinutesLater }, { email, code, device: null })).toEqual({
      outcome: "CODE_INVALID",
    });
    expect(await usersWith(email)).toBe(0);
    const [row] = await db().select().from(emailCodes).where(eq(emailCodes.email, email));
    expect(row).toMatchObject({ attempts: 0, consumedAt: null });
  });

  it("a code works only for the address it was sent to", async () => {
    const { code } = await emailCodeFor(address("owner"));
    const other = address("other");
    const res = await call("/api/v1/auth/email/verify", {
      method: "POST",
      headers: { "cf-connecting-ip": clientIp() },
      json: { email: other, code },
    });
    expect(res.status).toBe(400);
    expect(await usersWith(other)).toBe(0);
  });
});

describe("logs: no token, code or cookie value", () => {
  const spies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  it("a Google sign-in, an email sign-in, refusals and sign-out log none of their secrets", async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) spies.push(vi.spyOn(console, method));
    const secrets: string[] = [];
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const value = line.split(";")[0]?.split("=").slice(1).join("=");
        if (value) secrets.push(value);
      }
      return res;
    };
    const jar = new Jar();
    const email = address("logs");
    const { path, callback, authorizationUrl } = await oidcCallbackFor(jar, email);
    secrets.push(
      ...jar.cookies.values(),
      callback.searchParams.get("code") ?? "",
      callback.searchParams.get("state") ?? "",
    );
    secrets.push(new URL(authorizationUrl).searchParams.get("nonce") ?? "");
    keep(await jar.call(path));
    await jar.refreshCsrf();
    secrets.push(jar.csrf, ...jar.cookies.values());
    keep(await call(path, { redirect: "manual" }));
    const ip = clientIp();
    const { code } = await emailCodeFor(email, ip);
    secrets.push(code);
    const byEmail = new Jar();
    await signInByEmail(byEmail, address("logs-email"));
    secrets.push(byEmail.csrf, ...byEmail.cookies.values());
    await byEmail.call("/api/v1/account", { method: "PATCH", json: { name: "X Y" }, csrf: false });
    await byEmail.call("/api/v1/auth/signout", { method: "POST" });
    await call("/api/v1/account", { headers: { cookie: `__Host-hf_session=${secrets.at(-1)}` } });
    await signInByOidc(new Jar(), email);

    const lines = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" ")));
    expect(lines.length).toBeGreaterThan(10);
    const real = secrets.filter((s) => s.length >= 6);
    expect(real.length).toBeGreaterThan(8);
    for (const line of lines) {
      for (const secret of real) expect(line).not.toContain(secret);
      expect(line).not.toContain(email);
    }
  });
});
