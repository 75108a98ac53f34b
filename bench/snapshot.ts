/**
 * The stacks run from a copy of the work tree taken when the bench starts (node_modules linked,
 * not copied). `wrangler dev` reloads the worker whenever a source file changes; from the copy,
 * edits made while the bench runs neither restart the worker mid-measurement nor mix two versions
 * of the code into one result, and wrangler's local state (.wrangler/) is the bench's own.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../dev/local-stack.ts";

const ENTRIES = [
  "src",
  "dev",
  "drizzle",
  "web",
  "bench",
  "package.json",
  "wrangler.toml",
  "tsconfig.json",
  "tsconfig.node.json",
  "worker-configuration.d.ts",
];
const SKIP = new Set(["node_modules", ".wrangler"]);
const RESULTS = path.join(ROOT, "bench/results");

export interface Snapshot {
  root: string;
  remove(): void;
}

export function snapshotTree(): Snapshot {
  const root = mkdtempSync(path.join(os.tmpdir(), "housefull-bench-"));
  for (const entry of ENTRIES) {
    const from = path.join(ROOT, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(root, entry), {
      recursive: true,
      filter: (src) => !SKIP.has(path.basename(src)) && src !== RESULTS,
    });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
