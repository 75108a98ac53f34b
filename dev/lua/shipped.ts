/**
 * The Lua scripts as the worker ships them: the readable sources (src/<domain>/lua/*.lua, comments
 * and indentation for people) stripped of comments, indentation and blank lines into
 * src/.lua/<domain>/<name>.lua (git-ignored), which the worker imports. About a third of the
 * scripts' bytes were comments: bytes every deploy uploads and every EVAL sends (docs/BENCHMARKS.md:
 * cold start). Redis hashes the text it is given, so EVALSHA follows whatever is shipped.
 *
 * Written by wrangler's custom build (wrangler.toml [build]: deploy, dev, `check startup`), by the
 * tests' vite plugin (vitest.config.ts) and by the OpenAPI build, so all of them load the same text.
 * `tsx dev/lua/shipped.ts` writes them by hand.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the shipped copies live, under src (wrangler names text modules relative to the entry's folder). */
export const SHIPPED_DIR = "src/.lua";

/** The level of a long bracket opening at `i` (`[[` 0, `[=[` 1, …), or -1 if there is none. */
function longBracketLevel(text: string, i: number): number {
  if (text[i] !== "[") return -1;
  let j = i + 1;
  while (text[j] === "=") j++;
  return text[j] === "[" ? j - i - 1 : -1;
}

/** Index just past the long bracket closing level `level` from `from` (the text's end if unclosed). */
function longBracketEnd(text: string, from: number, level: number): number {
  const close = `]${"=".repeat(level)}]`;
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/**
 * Lua without comments, indentation, trailing spaces or blank lines. Strings (quoted and long
 * brackets) are kept byte for byte; line breaks between statements stay (Lua needs no more, and a
 * joined `a\n(b)` would change meaning).
 */
export function stripLua(source: string): string {
  let code = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === "-" && source[i + 1] === "-") {
      const level = longBracketLevel(source, i + 2);
      if (level >= 0) i = longBracketEnd(source, i + 2 + level + 2, level);
      else {
        const eol = source.indexOf("\n", i);
        i = eol < 0 ? source.length : eol;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
      code += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const level = longBracketLevel(source, i);
    if (level >= 0) {
      const end = longBracketEnd(source, i + level + 2, level);
      code += source.slice(i, end);
      i = end;
      continue;
    }
    code += c;
    i++;
  }
  // Long strings may span lines: only lines outside them are trimmed. The scripts use none today,
  // so a script with one keeps its lines as they are rather than risk changing a string.
  if (/\[=*\[/.test(code)) return code;
  return code
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Every readable script: [source path, shipped path], relative to `root`. */
export function luaSources(root: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const domain of readdirSync(path.join(root, "src"), { withFileTypes: true })) {
    if (!domain.isDirectory() || domain.name.startsWith(".")) continue;
    const dir = path.join("src", domain.name, "lua");
    let files: string[];
    try {
      files = readdirSync(path.join(root, dir));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith(".lua")).sort())
      pairs.push([path.join(dir, file), path.join(SHIPPED_DIR, domain.name, file)]);
  }
  return pairs;
}

/**
 * Writes the shipped copies, touching only files whose text changed (so `wrangler dev`'s watch
 * does not loop on its own output) and removing copies whose source is gone.
 */
export function writeShippedLua(root: string): void {
  const pairs = luaSources(root);
  const wanted = new Set(pairs.map(([, shipped]) => shipped));
  for (const [source, shipped] of pairs) {
    const text = stripLua(readFileSync(path.join(root, source), "utf8"));
    let current: string | undefined;
    try {
      current = readFileSync(path.join(root, shipped), "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    mkdirSync(path.dirname(path.join(root, shipped)), { recursive: true });
    // Renamed into place: a build or test reading it meanwhile sees the old text or the new, never half.
    const temp = path.join(root, `${shipped}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, path.join(root, shipped));
  }
  let domains: string[] = [];
  try {
    domains = readdirSync(path.join(root, SHIPPED_DIR));
  } catch {
    return;
  }
  for (const domain of domains)
    for (const file of readdirSync(path.join(root, SHIPPED_DIR, domain))) {
      const shipped = path.join(SHIPPED_DIR, domain, file);
      if (!wanted.has(shipped) && !file.endsWith(".tmp")) rmSync(path.join(root, shipped), { force: true });
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeShippedLua(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));
}
