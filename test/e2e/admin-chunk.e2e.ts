/**
 * The back office is its own lazy chunk (issue 12): a customer's movies page requests no script of
 * it, nor of its charting library, and the entry HTML every customer gets first names neither.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, openPage, suiteBrowser } from "./browser.ts";

const { visitor } = suiteBrowser(inject("baseUrl"));

describe("the back office stays out of customers' pages", () => {
  it("the movies page loads no back-office code (the admin chunk and the chart library stay out)", async () => {
    const { context, page } = await visitor(DESKTOP);
    try {
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      await openPage(page, "/");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => /AdminArea|uPlot|uplot/i.test(s))).toEqual([]);
      // And nothing the entry preloads names it (web/dist/index.html is what every customer gets first).
      const html = readFileSync(path.resolve(import.meta.dirname, "../../web/dist/index.html"), "utf8");
      expect(html).not.toMatch(/AdminArea|uplot/i);
    } finally {
      await context.close();
    }
  });
});
