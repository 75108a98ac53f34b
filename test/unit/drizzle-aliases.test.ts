import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPgColumnBuilders } from "../../src/db/drizzle-aliases";

const SRC = path.resolve(import.meta.dirname, "../../src");
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  // Comments out: they may show the callback form to say it is not used.
  .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), "utf8").replace(/\/\*[\s\S]*?\*\//g, "") }));

// The worker's build swaps drizzle's column-builder and index modules for src/db/drizzle-aliases.ts
// (wrangler.toml `alias`); these hold the code to what that is safe for.
describe("drizzle in the worker's bundle", () => {
  it("every table passes its columns as an object, never pgTable's callback form", () => {
    const calls = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bpgTable\(\s*("[^"]*")\s*,\s*(.)/g)].map((m) => ({ file, table: m[1], opens: m[2] })),
    );
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => c.opens !== "{")).toEqual([]);
    expect(sources.flatMap(({ text }) => text.match(/\bpgTable\(/g) ?? []).length).toBe(calls.length);
  });

  it("the callback form's stand-in says so instead of building a table wrong", () => {
    expect(() => getPgColumnBuilders()).toThrow(/callback form/);
  });

  it("drizzle comes in through src/db/drizzle.ts, never a package index", () => {
    const indexImports = sources.filter(
      ({ file, text }) => file !== path.join("db", "drizzle.ts") && /from "drizzle-orm(\/pg-core)?"/.test(text),
    );
    expect(indexImports.map(({ file }) => file)).toEqual([]);
  });
});
