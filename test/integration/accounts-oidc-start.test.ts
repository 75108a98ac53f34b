// GET /auth/oidc/start is a full-page visit (the "Sign in with Google" link): when it cannot start a
// sign-in it sends the browser to the sign-in page with the registry's error code, never a JSON body.

import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/shared/error-codes";
import { clientIp } from "./accounts-helpers";
import { call, withBindings } from "./http";

const start = (ip: string, returnTo = "/checkout/abc") =>
  call(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, {
    redirect: "manual",
    headers: { "cf-connecting-ip": ip, accept: "text/html" },
  });

describe("GET /auth/oidc/start refused: a redirect to the sign-in page, told why", () => {
  it("a spent per-client budget → /sign-in?error=RATE_LIMITED, keeping returnTo, with Retry-After", async () => {
    const ip = clientIp();
    // The budget is 20 a minute; a minute boundary in between can at most double the count.
    let refused: Response | undefined;
    for (let i = 0; i < 45 && !refused; i++) {
      const res = await start(ip);
      expect(res.status).toBe(302);
      if (!res.headers.get("location")?.startsWith("http")) refused = res;
    }
    expect(refused?.headers.get("location")).toBe("/sign-in?error=RATE_LIMITED&returnTo=%2Fcheckout%2Fabc");
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused?.headers.get("content-type") ?? "").not.toMatch(/json/);
    expect(ERROR_CODES).toHaveProperty("RATE_LIMITED");
  });

  it("not configured, or the provider unreachable → /sign-in?error=SIGN_IN_UNAVAILABLE, no flow cookie", async () => {
    for (const bindings of [{ OIDC_CLIENT_ID: "" }, { OIDC_ISSUER: "http://127.0.0.1:9/unreachable" }]) {
      const res = await withBindings(bindings, () => start(clientIp(), "/"));
      expect(res.status, JSON.stringify(bindings)).toBe(302);
      expect(res.headers.get("location")).toBe("/sign-in?error=SIGN_IN_UNAVAILABLE&returnTo=%2F");
      expect(res.headers.getSetCookie().some((c) => c.startsWith("__Host-hf_oidc="))).toBe(false);
    }
    expect(ERROR_CODES).toHaveProperty("SIGN_IN_UNAVAILABLE");
  });
});
