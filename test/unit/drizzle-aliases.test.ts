import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getPgColumnBuilders } from "../../src/db/drizzle-aliases";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");
/** A worker module (typed with the worker's tsconfig, so imported by path here). */
const QUERIES = "test/integration/drizzle-queries.ts";
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  // Comments out: they may show the callback form to say it is not used.
  .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), "utf8").replace(/\/\*[\s\S]*?\*\//g, "") }));

// The worker's build swaps three of drizzle's modules for src/db/drizzle-aliases.ts and
// drizzle-transaction-alias.ts (wrangler.toml `alias`); the tests' vite loads drizzle's own. These
// hold the code to what the swap is safe for, and run the swapped build.
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

  it("built by wrangler with the aliases, drizzle loads and builds the same SQL as drizzle's own modules", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "housefull-drizzle-"));
    try {
      await promisify(execFile)(
        path.join(ROOT, "node_modules/.bin/wrangler"),
        ["deploy", QUERIES, "--dry-run", "--outdir", out],
        { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
      );
      const built = (await import(pathToFileURL(path.join(out, "drizzle-queries.js")).href)) as {
        default: { fetch: () => Response };
      };
      const own = (await import(path.join(ROOT, QUERIES))) as { drizzleQueries: () => unknown };
      expect(await built.default.fetch().json()).toEqual(JSON.parse(JSON.stringify(own.drizzleQueries())));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
