import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createShow } from "./fixtures";
import { call, errorOf } from "./http";

const secret = new TextEncoder().encode("test-secret-test-secret-test-secret");

const token = (claims: { sub?: string; exp?: number; iss?: string; aud?: string }, key = secret) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setIssuer(claims.iss ?? "housefull").setAudience(claims.aud ?? "housefull-api");
  jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(key);
};

const holdAs = async (authorization: string, showId: string) =>
  call("/api/v1/holds", { method: "POST", headers: { authorization }, json: { showId, seatIds: ["A1"], quantity: 1 } });

describe("identity", () => {
  it("issues a guest JWT that identifies its holder", async () => {
    const res = await call("/api/v1/auth/guest", { method: "POST" });
    expect(res.status).toBe(201);
    const guest = (await res.json()) as { token: string; userId: string; expiresAt: string };
    expect(guest.userId).toMatch(/^guest_[0-9a-f-]{36}$/);
    expect(new Date(guest.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);

    const showId = await createShow();
    const hold = await holdAs(`Bearer ${guest.token}`, showId);
    expect(hold.status).toBe(201);
    const { holdId } = (await hold.json()) as { holdId: string };
    const mine = await call(`/api/v1/holds/${holdId}`, { headers: { authorization: `Bearer ${guest.token}` } });
    expect(mine.status).toBe(200);
  });

  it.each([
    ["an expired token", () => token({ sub: "u1", exp: Math.floor(Date.now() / 1000) - 10 })],
    ["a wrong signature", () => token({ sub: "u1" }, new TextEncoder().encode("another-secret-another-secret-xx"))],
    [
      "alg: none",
      async () =>
        new UnsecuredJWT({ sub: "u1" })
          .setIssuer("housefull")
          .setAudience("housefull-api")
          .setExpirationTime("10m")
          .encode(),
    ],
    ["no sub", () => token({})],
    ["another issuer", () => token({ sub: "u1", iss: "someone-else" })],
    ["a malformed token", async () => "not.a.jwt"],
  ])("refuses %s with 401", async (_, make) => {
    const showId = await createShow();
    const res = await holdAs(`Bearer ${await make()}`, showId);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("UNAUTHENTICATED");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("refuses a non-Bearer Authorization header", async () => {
    const res = await holdAs("Basic dXNlcjpwYXNz", await createShow());
    expect(res.status).toBe(401);
  });
});
