import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isWebPage } from "../../src/shared/web-routes";

describe("the web UI's pages, as the worker knows them", () => {
  it("knows every path the web router declares (web/src/App.tsx)", () => {
    const app = readFileSync(new URL("../../web/src/App.tsx", import.meta.url), "utf8");
    const declared = [...app.matchAll(/path="([^"]+)"/g)].map((m) => m[1] as string).filter((p) => p !== "*");
    expect(declared.length).toBeGreaterThan(5);
    // Each declared path, its parameters filled in by their shape, is a page the worker knows.
    const sample: Record<string, string> = { holdId: "A".repeat(54), step: "pay" };
    for (const path of declared) {
      // wouter's patterns: "/movies/:movieId", "/admin/*?" (the area and everything below it).
      const filled = `/${path.replace(/^\//, "")}`
        .replace(/:(\w+)/g, (_, name: string) => sample[name] ?? crypto.randomUUID())
        .replace(/\*\??$/, "x");
      expect(isWebPage(filled), path).toBe(true);
    }
  });

  it("matches ids by shape", () => {
    expect(isWebPage(`/movies/${crypto.randomUUID()}`)).toBe(true);
    expect(isWebPage("/movies/123")).toBe(false);
    expect(isWebPage("/scan")).toBe(true);
    expect(isWebPage("/scan/conflicts")).toBe(true);
    expect(isWebPage("/scanner")).toBe(false);
    expect(isWebPage("/admin/shows/x/report")).toBe(true);
  });
});
