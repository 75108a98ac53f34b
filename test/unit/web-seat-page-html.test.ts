/**
 * The seat page's own HTML (web/page-html.ts, served by the worker for /shows/{id}/seats): it must
 * preload every file the entry's lazy import of the page would otherwise fetch only once the entry
 * has run — vite's own list for that import (`__vite__mapDeps`) and the query library's — so none of
 * them waits for the entry, and nothing more. Reads the built web/dist (`npm test` builds it first).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIST = path.resolve(import.meta.dirname, "../../web/dist");
const read = (file: string) => readFileSync(path.join(DIST, file), "utf8");
const linked = (html: string) =>
  new Set([...html.matchAll(/<(?:link|script)[^>]* (?:href|src)="\/([^"]+)"/g)].map((m) => m[1]));

/** The files vite's preload helper fetches for `import("./<chunk>-….js")` in the entry's code. */
function lazyImportFiles(chunk: string): string[] {
  const entryCode = readdirSync(path.join(DIST, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => read(`assets/${f}`))
    .find((code) => code.includes("__vite__mapDeps=") && code.includes(`import(\`./${chunk}-`));
  if (!entryCode) throw new Error(`no chunk imports ${chunk} lazily`);
  const files = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(entryCode)?.[1] ?? "[]") as string[];
  const call = new RegExp(`import\\(\`\\./(${chunk}-[\\w-]+\\.js)\`\\)[^;]*?__vite__mapDeps\\(\\[([\\d,]*)\\]\\)`).exec(
    entryCode,
  );
  if (!call?.[1]) throw new Error(`no lazy import of ${chunk}`);
  return [`assets/${call[1]}`, ...(call[2] ?? "").split(",").map((i) => files[Number(i)] as string)];
}

describe("the seat page's HTML", () => {
  it("preloads the page's code and styles and the query library's, beside the first load", () => {
    const shell = linked(read("index.html"));
    const page = linked(read("pages/shows-seats.html"));
    const needed = [...lazyImportFiles("SeatsPage"), ...lazyImportFiles("query")];
    expect(needed.some((f) => f.endsWith(".css"))).toBe(true);
    for (const file of needed) expect(page, file).toContain(file);
    // Exactly the first load and those: no other page's code.
    expect([...page].filter((f) => !shell.has(f) && !needed.includes(f as string))).toEqual([]);
    expect([...shell].filter((f) => !page.has(f))).toEqual([]);
  });
});
