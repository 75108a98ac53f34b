/**
 * The movies page's first load (issue 14, item 5: ≤ 90 KB gzipped JS), measured the bench's way
 * (bench/cold-start.ts: the scripts web/dist/index.html loads and preloads, and their static
 * imports). Reads the built web/dist (`npm test` builds it first). Guards the two leaks that put it
 * over: zod riding in through a constant of a schema module, and the query library on the first paint.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureWebFirstLoad } from "../../bench/cold-start.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the movies page's first load", () => {
  it("stays within 90 KB gzipped, without zod, the query library or the back office", async () => {
    const load = await measureWebFirstLoad(ROOT);
    expect(load.files.length).toBeGreaterThan(1);
    expect(load.gzipBytes).toBeLessThanOrEqual(load.targetBytes);
    for (const { file } of load.files) {
      const code = readFileSync(path.join(ROOT, "web/dist", file), "utf8");
      expect(code, `${file} carries zod`).not.toContain("ZodType");
      expect(code, `${file} carries @tanstack/react-query`).not.toContain("No QueryClient set");
      expect(code, `${file} carries uPlot`).not.toMatch(/uplot/i);
    }
  });
});
