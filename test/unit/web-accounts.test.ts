import { describe, expect, it } from "vitest";
import { deviceName } from "../../web/src/features/accounts/lib/device-name.ts";
import { safeReturnTo } from "../../web/src/features/accounts/lib/return-to.ts";

describe("web accounts: where sign-in returns to", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnTo("/bookings")).toBe("/bookings");
    expect(safeReturnTo("/movies/m1?date=2026-12-02")).toBe("/movies/m1?date=2026-12-02");
  });

  it("refuses other origins, protocol-relative paths, nothing, and the sign-in page itself", () => {
    for (const bad of [
      null,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "bookings",
      "/sign-in?x=1",
    ])
      expect(safeReturnTo(bad)).toBe("/");
  });
});

describe("web accounts: device names", () => {
  it("names common browsers and systems", () => {
    expect(
      deviceName(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome on Linux");
    expect(
      deviceName(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iPhone");
    expect(
      deviceName("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36 Edg/120"),
    ).toBe("Edge on Windows");
    expect(deviceName("Mozilla/5.0 (Linux; Android 14) Gecko/121.0 Firefox/121.0")).toBe("Firefox on Android");
  });

  it("falls back to the raw string, or says it is unknown", () => {
    expect(deviceName("curl/8.5.0")).toBe("curl/8.5.0");
    expect(deviceName(null)).toBe("Unknown device");
  });
});
