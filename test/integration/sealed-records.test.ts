// seal / unseal (src/accounts/secrets.ts): AES-256-GCM records as compact JWEs made with WebCrypto,
// readable by jose and reading what jose made (records sealed before the switch still open).
import { EncryptJWT, jwtDecrypt } from "jose";
import { describe, expect, it } from "vitest";
import { keyOf, seal, unseal } from "../../src/accounts/secrets";
import type { Config } from "../../src/env";

const config = { AUTH_JWT_SECRET: "unit-test-secret-unit-test-secret" } as Config;
const other = { AUTH_JWT_SECRET: "another-secret-another-secret-xx" } as Config;
const NOW = new Date("2026-12-01T12:00:00Z");
const inFiveMinutes = new Date(NOW.getTime() + 5 * 60_000);

describe("sealed records", () => {
  it("open with the same key before they expire, with the claims sealed and exp", async () => {
    const sealed = await seal(config, { email: "a@example.com", n: 3 }, inFiveMinutes);
    expect(sealed.split(".")).toHaveLength(5);
    expect(await unseal(config, sealed, NOW)).toEqual({
      email: "a@example.com",
      n: 3,
      exp: Math.floor(inFiveMinutes.getTime() / 1000),
    });
  });

  it("do not open once expired, under another key, or touched anywhere", async () => {
    const sealed = await seal(config, { email: "a@example.com" }, inFiveMinutes);
    expect(await unseal(config, sealed, inFiveMinutes)).toBeUndefined();
    expect(await unseal(other, sealed, NOW)).toBeUndefined();
    const parts = sealed.split(".");
    for (const i of [0, 2, 3, 4]) {
      const touched = [...parts];
      const part = touched[i] ?? "";
      // The first character: a base64url string's last one can carry unused bits.
      touched[i] = `${part.startsWith("A") ? "B" : "A"}${part.slice(1)}`;
      expect(await unseal(config, touched.join("."), NOW)).toBeUndefined();
    }
    expect(await unseal(config, `${parts.slice(0, 4).join(".")}`, NOW)).toBeUndefined();
    expect(await unseal(config, "not a record", NOW)).toBeUndefined();
  });

  it("are the JWEs jose makes and reads", async () => {
    const key = await keyOf(config, "sealed");
    const byJose = await new EncryptJWT({ flow: "oidc" })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setExpirationTime(Math.floor(inFiveMinutes.getTime() / 1000))
      .encrypt(key);
    expect(await unseal(config, byJose, NOW)).toMatchObject({ flow: "oidc" });
    const ours = await seal(config, { flow: "email" }, inFiveMinutes);
    const { payload } = await jwtDecrypt(ours, key, { currentDate: NOW, requiredClaims: ["exp"] });
    expect(payload).toMatchObject({ flow: "email" });
  });
});
