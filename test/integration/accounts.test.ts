// Accounts on the real stack: OIDC sign-in through the local provider, email codes read from the
// queued email, sessions (refresh, CSRF, sign-out, revocation lag), the account, guest orders moving.

import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seal } from "../../src/accounts/secrets";
import { sessions, users } from "../../src/accounts/tables";
import { orders } from "../../src/db/schema";
import { configOf } from "../../src/env";
import { clientIp, deliver, emailCodeFor, Jar, queuedDuring, signInByEmail, signInByOidc } from "./accounts-helpers";
import { createShow, db, newUser, placeOrder, postHold } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";

const address = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Session = { signedIn: boolean; userId?: string; email?: string; csrfToken?: string };
/** A guest token from the API, as the web client gets one on its first visit. */
const newGuest = async () =>
  (await (
    await call("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": clientIp() } })
  ).json()) as { token: string; userId: string };
const sessionOf = async (jar: Jar) => (await (await jar.call("/api/v1/auth/session")).json()) as Session;

describe("sign in with OpenID Connect (the local provider standing in for Google)", () => {
  it("round trip: start → provider → callback → signed in at returnTo, with HttpOnly Secure Lax cookies", async () => {
    const email = address("oidc");
    const jar = new Jar();
    const res = await signInByOidc(jar, email);
    const setCookies = res.headers.getSetCookie();
    for (const name of ["__Host-hf_session", "__Host-hf_access"]) {
      const line = setCookies.find((l) => l.startsWith(`${name}=`));
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/Secure/i);
      expect(line).toMatch(/SameSite=Lax/i);
      expect(line).toMatch(/Path=\//);
    }
    // The flow cookie is spent.
    expect(setCookies.find((l) => l.startsWith("__Host-hf_oidc="))).toMatch(/Max-Age=0/);
    const session = await sessionOf(jar);
    expect(session).toMatchObject({ signedIn: true, email });
    expect(session.csrfToken).toMatch(/^[\w-]{20,}$/);
    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ email, name: "Asha Rao" });
  });

  it("the same person on a second device is the same account, and both devices are listed", async () => {
    const email = address("two-devices");
    const [laptop, phone] = [new Jar(), new Jar()];
    await signInByOidc(laptop, email);
    await signInByOidc(phone, email);
    expect((await sessionOf(laptop)).userId).toBe((await sessionOf(phone)).userId);
    const account = (await (await phone.call("/api/v1/account")).json()) as { devices: { current: boolean }[] };
    expect(account.devices).toHaveLength(2);
    expect(account.devices.filter((d) => d.current)).toHaveLength(1);
  });

  it("an email code sign-in and a Google sign-in of one address are one account (linked by verified email)", async () => {
    const email = address("linked");
    const byEmail = await signInByEmail(new Jar(), email);
    const jar = new Jar();
    await signInByOidc(jar, email);
    expect((await sessionOf(jar)).userId).toBe(byEmail.userId);
  });

  it("refuses a returnTo that leaves the site", async () => {
    for (const returnTo of ["//evil.example/x", "https://evil.example", "/\\evil.example", "evil"]) {
      const res = await call(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, {
        redirect: "manual",
      });
      expect(res.status, returnTo).toBe(400);
    }
  });
});

describe("sign in with an email code", () => {
  it("emails a 6-digit code through the queue; the code signs in once", async () => {
    const email = address("code");
    const ip = clientIp();
    const { code, res } = await emailCodeFor(email, ip);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "CODE_SENT", expiresInSeconds: 600 });
    const jar = new Jar();
    const verify = await jar.call("/api/v1/auth/email/verify", {
      method: "POST",
      headers: { "cf-connecting-ip": ip },
      json: { email: email.toUpperCase(), code },
    });
    expect(verify.status).toBe(200);
    expect(await sessionOf(jar)).toMatchObject({ signedIn: true, email });
    const again = await call("/api/v1/auth/email/verify", {
      method: "POST",
      headers: { "cf-connecting-ip": ip },
      json: { email, code },
    });
    expect((await errorOf(again)).code).toBe("EMAIL_CODE_INVALID");
  });

  it("answers a known and an unknown address the same, and queues neither code readable", async () => {
    const known = address("known");
    await signInByEmail(new Jar(), known);
    const answers: unknown[] = [];
    const queued = await queuedDuring(async () => {
      for (const email of [known, address("unknown")]) {
        const res = await call("/api/v1/auth/email/start", {
          method: "POST",
          headers: { "cf-connecting-ip": clientIp() },
          json: { email },
        });
        answers.push([res.status, await res.json()]);
      }
    });
    expect(answers[0]).toEqual(answers[1]);
    expect(queued).toHaveLength(2);
    for (const message of queued) {
      expect(message.type).toBe("auth.email-code");
      expect(JSON.stringify(message)).not.toMatch(/@example\.com|\b\d{6}\b/);
    }
  });

  it("a code that expired while queued is not emailed", async () => {
    const sealed = await seal(
      configOf(env),
      { email: "late@example.com", code: "123456" },
      new Date(Date.now() - 1000),
    );
    expect(await deliver([{ type: "auth.email-code", sealed }])).toEqual([]);
    expect(await deliver([{ type: "auth.email-code", sealed: `${sealed}x` }])).toEqual([]);
  });

  it("limits codes per address", async () => {
    const email = address("limited");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call("/api/v1/auth/email/start", {
        method: "POST",
        headers: { "cf-connecting-ip": clientIp() },
        json: { email },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe("sessions", () => {
  it("a signed-in write needs the CSRF token and an allowed origin; refused writes change nothing", async () => {
    const jar = new Jar();
    await signInByEmail(jar, address("csrf"));
    const rename = (init: { csrf?: boolean; headers?: Record<string, string> }) =>
      jar.call("/api/v1/account", { method: "PATCH", json: { name: "Mallory" }, ...init });
    const noToken = await rename({ csrf: false });
    expect(noToken.status).toBe(403);
    expect((await errorOf(noToken)).code).toBe("CSRF_REFUSED");
    expect((await rename({ headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await rename({ headers: { "x-csrf-token": "forged" } })).status).toBe(403);
    const crossSite = await call("/api/v1/account", {
      method: "PATCH",
      headers: { cookie: jar.header(), "sec-fetch-site": "cross-site", "x-csrf-token": jar.csrf },
      json: { name: "Mallory" },
    });
    expect(crossSite.status).toBe(403);
    expect(((await (await jar.call("/api/v1/account")).json()) as { name: string | null }).name).toBeNull();
    const ok = await rename({});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "Mallory" });
  });

  it("a signed-in hold costs what a Bearer hold costs: 1 Redis round trip, no database (access cookie)", async () => {
    const showId = await createShow();
    // Warm the show's booking info (cached per isolate), as for any hold after the first.
    expect((await postHold(newUser(), showId, ["D9"])).status).toBe(201);
    // Signed in just before the hold: the access cookie lives SESSION_ACCESS_SECONDS (2 s here), and
    // on a busy machine the steps above can take longer than that.
    const jar = new Jar();
    await signInByEmail(jar, address("hot-path"));
    const hold = await jar.call("/api/v1/holds", { method: "POST", json: { showId, seatIds: ["D1"], quantity: 1 } });
    expect(hold.status).toBe(201);
    expect(backendCalls(hold)).toEqual({ db: 0, redis: 1, queue: 0 });
    await sleep(2_100);
    // The access cookie lapsed: one database round trip renews it from the session row.
    const seatMap = await jar.call(`/api/v1/shows/${showId}/seatmap`);
    expect(backendCalls(seatMap)).toMatchObject({ db: 1 });
  });

  it("signs out server-side: the old cookies no longer work", async () => {
    const jar = new Jar();
    await signInByEmail(jar, address("signout"));
    const stolen = jar.header();
    expect((await jar.call("/api/v1/auth/signout", { method: "POST" })).status).toBe(200);
    expect(jar.cookies.size).toBe(0);
    // Replaying the session cookie alone (the access cookie lapses within seconds) is refused.
    const sessionOnly = stolen
      .split("; ")
      .filter((c) => c.startsWith("__Host-hf_session="))
      .join("; ");
    const res = await call("/api/v1/account", { headers: { cookie: sessionOnly } });
    expect(res.status).toBe(401);
  });

  it("sign out everywhere: another device keeps working at most SESSION_ACCESS_SECONDS (2 s here), then 401", async () => {
    const email = address("everywhere");
    const [laptop, phone] = [new Jar(), new Jar()];
    await signInByEmail(laptop, email);
    await signInByEmail(phone, email);
    const out = await laptop.call("/api/v1/auth/signout-everywhere", { method: "POST" });
    expect(await out.json()).toEqual({ status: "SIGNED_OUT", revokedSessions: 2 });
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, (await sessionOf(phone)).userId ?? ""));
    expect(row?.revokedAt).not.toBeNull();
    await sleep(2_100);
    // A write made with the revoked session (cookies and its CSRF token) is refused and changes nothing.
    const write = await phone.call("/api/v1/account", { method: "PATCH", json: { name: "Mallory" } });
    expect(write.status).toBe(401);
    const [person] = await db().select().from(users).where(eq(users.email, email));
    expect(person?.name).toBeNull();
    expect((await phone.call("/api/v1/account")).status).toBe(401);
    expect(await sessionOf(phone)).toEqual({ signedIn: false });
  });

  it("a live session renews its access cookie from the session row after SESSION_ACCESS_SECONDS", async () => {
    const jar = new Jar();
    await signInByEmail(jar, address("renew"));
    const before = jar.cookies.get("__Host-hf_access");
    await sleep(2_100);
    const res = await jar.call("/api/v1/account");
    expect(res.status).toBe(200);
    expect(jar.cookies.get("__Host-hf_access")).not.toBe(before);
  });

  it("Bearer guest tokens and x-user-id still identify their callers when cookies are present too", async () => {
    const jar = new Jar();
    const { userId } = await signInByEmail(jar, address("bearer"));
    const guest = await newGuest();
    const showId = await createShow();
    const order = await placeOrder(guest.userId, showId, ["A1"]);
    const asGuest = await jar.call("/api/v1/orders", { headers: { authorization: `Bearer ${guest.token}` } });
    expect(((await asGuest.json()) as { items: { orderId: string }[] }).items.map((o) => o.orderId)).toEqual([
      order.orderId,
    ]);
    const mine = await jar.call("/api/v1/orders");
    expect(((await mine.json()) as { items: unknown[] }).items).toEqual([]);
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("guest bookings follow the person", () => {
  it("a guest's orders move to the account on sign-in, exactly once, even when claimed concurrently", async () => {
    const guest = await newGuest();
    const showId = await createShow();
    const placed = [await placeOrder(guest.userId, showId, ["B1"]), await placeOrder(guest.userId, showId, ["B2"])];
    const jar = new Jar();
    const { userId } = await signInByOidc(jar, address("claim")).then(async () => ({
      userId: (await sessionOf(jar)).userId,
    }));
    const claims = await Promise.all(
      Array.from({ length: 5 }, () =>
        jar.call("/api/v1/auth/claim-guest", { method: "POST", json: { guestToken: guest.token } }),
      ),
    );
    const moved = await Promise.all(claims.map(async (r) => ((await r.json()) as { movedOrders: number }).movedOrders));
    expect(claims.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(2);
    const rows = await db().select({ userId: orders.userId }).from(orders).where(eq(orders.showId, showId));
    expect(rows.map((r) => r.userId)).toEqual([userId, userId]);
    // "My bookings" on another device of the same person lists them.
    const other = new Jar();
    await signInByOidc(other, (await sessionOf(jar)).email ?? "");
    const listed = (await (await other.call("/api/v1/orders")).json()) as { items: { orderId: string }[] };
    expect(listed.items.map((o) => o.orderId).sort()).toEqual(placed.map((o) => o.orderId).sort());
    const forged = await jar.call("/api/v1/auth/claim-guest", {
      method: "POST",
      json: { guestToken: `${guest.token}x` },
    });
    expect(forged.status).toBe(400);
  });
});

describe("deleting an account", () => {
  it("erases the person from their orders (which stay) and ends their sessions", async () => {
    const email = address("delete");
    const jar = new Jar();
    const { userId } = await signInByEmail(jar, email);
    const showId = await createShow();
    const order = await placeOrder(userId, showId, ["C1"]);
    const res = await jar.call("/api/v1/account", { method: "DELETE" });
    expect(await res.json()).toEqual({ status: "DELETED", anonymisedOrders: 1 });
    const [row] = await db().select().from(orders).where(eq(orders.id, order.orderId));
    expect(row).toMatchObject({
      customerName: null,
      customerEmail: null,
      customerPhone: null,
      status: "PAYMENT_PENDING",
    });
    expect(row?.userId).toMatch(/^erased_/);
    expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
  });
});
