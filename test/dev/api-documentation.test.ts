// writeApiDocumentation into a throwaway web/dist: every `wrangler dev` watches that folder and
// reloads on any event in it, so starting a second stack (the e2e suite's "short" one) must not
// write there when the documents are already current — it reloaded the first stack mid-setup.
import { type FSWatcher, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeApiDocumentation } from "../../dev/openapi/build.ts";

const out = mkdtempSync(path.join(tmpdir(), "housefull-docs-"));
/** Each write bundles and runs the route tree (esbuild): seconds, more on a busy machine. */
const GENERATE_MS = 60_000;
let firstWrite: string[] = [];
beforeAll(async () => {
  firstWrite = await writeApiDocumentation(out);
}, GENERATE_MS);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every event fs.watch (what the watcher under wrangler dev uses) reports in `dir` while `step` runs. */
async function eventsDuring(dir: string, step: () => Promise<unknown>): Promise<string[]> {
  const events: string[] = [];
  const watcher: FSWatcher = watch(dir, { recursive: true }, (kind, file) => events.push(`${kind} ${file}`));
  try {
    await step();
    // fs events arrive asynchronously: give them time to come in before judging.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    watcher.close();
  }
  return events;
}

describe("the API documents in web/dist", () => {
  it("are written once; a second start leaves the watched folder untouched", { timeout: GENERATE_MS }, async () => {
    expect(firstWrite).toEqual(["api/v1/openapi.json", "api/docs.html"]);
    const document = path.join(out, "api/v1/openapi.json");
    expect(JSON.parse(readFileSync(document, "utf8"))).toHaveProperty("openapi");
    const mtime = statSync(document).mtimeMs;

    let written: string[] = [];
    const events = await eventsDuring(out, async () => {
      written = await writeApiDocumentation(out);
    });
    expect(written).toEqual([]);
    expect(events).toEqual([]);
    expect(statSync(document).mtimeMs).toBe(mtime);
  });

  it("a document out of date is rewritten, and only that one", { timeout: GENERATE_MS }, async () => {
    writeFileSync(path.join(out, "api/docs.html"), "stale");
    expect(await writeApiDocumentation(out)).toEqual(["api/docs.html"]);
    expect(readFileSync(path.join(out, "api/docs.html"), "utf8")).not.toBe("stale");
  });
});
