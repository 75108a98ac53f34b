/**
 * Cold start (docs/BENCHMARKS.md): what a fresh isolate and a first page view cost.
 * - the worker bundle as `wrangler deploy --dry-run` makes it: bytes gzipped against the budget, and
 *   which packages the minified bytes come from (esbuild metafile);
 * - startup CPU from `wrangler check startup` (the sum of the CPU profile's time deltas), for this
 *   worker and a hello-world Hono worker with the same compatibility settings, taking turns;
 * - the JavaScript the movies page (`/`) loads before anything else, gzipped, from web/dist.
 * `npm run bench -- --only cold-start` runs just this part (no stack, no databases).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const run = promisify(execFile);

/** The worker's budget, checked by CI (.ci/run) too: 180 KB gzipped. */
export const BUNDLE_BUDGET_BYTES = 180_000;
/** The movies page's first-load JavaScript target, gzipped. */
export const WEB_FIRST_LOAD_TARGET_BYTES = 90_000;

export interface ColdStartResult {
  bundle: { rawBytes: number; gzipBytes: number; budgetBytes: number; packages: { name: string; bytes: number }[] };
  startup: {
    runs: number;
    /** Sum of all time deltas (the first one covers compiling the script), ms, per run. */
    appMs: number[];
    helloMs: number[];
    /** The same without the first delta (evaluation only). */
    appEvalMs: number[];
    helloEvalMs: number[];
    ratio: number;
    ratioMin: number;
    /** The fixed stack alone (STACK_FLOOR below) in the same turns: the lowest any worker on it can reach. */
    floorMs: number[];
    floorEvalMs: number[];
  };
  /** CPU time (not wall time) of importing the bundle in a fresh Node process: steady under load. */
  startupNode: { runs: number; appCpuMs: number[]; helloCpuMs: number[]; ratio: number };
  /**
   * The fixed stack alone (SPEC: hono, zod, drizzle over Neon's driver, @upstash/redis; jose), one
   * route using each: what any worker on this stack pays before a line of its own, so the worker's
   * own share of its size and startup can be told apart from the stack's.
   */
  stackFloor: { gzipBytes: number; cpuMs: number[]; ratio: number };
  webFirstLoad: { files: { file: string; gzipBytes: number }[]; gzipBytes: number; targetBytes: number };
}

const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const wrangler = (root: string, args: string[]) =>
  run(path.join(root, "node_modules/.bin/wrangler"), args, { cwd: root, env: ENV, maxBuffer: 64 * 1024 * 1024 });

/** Which package (or src folder) an input of the bundle belongs to. */
function owner(input: string): string {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  return pkg ?? input.split("/").slice(0, 2).join("/");
}

export async function measureBundle(root: string): Promise<ColdStartResult["bundle"]> {
  const out = await mkdtemp(path.join(os.tmpdir(), "housefull-bundle-"));
  try {
    await wrangler(root, ["deploy", "--dry-run", "--outdir", out, "--metafile", path.join(out, "meta.json")]);
    const code = await readFile(path.join(out, "index.js"));
    const meta = JSON.parse(await readFile(path.join(out, "meta.json"), "utf8")) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const [, output] = Object.entries(meta.outputs).find(([file]) => file.endsWith("index.js")) ?? [];
    const byOwner = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {}))
      byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    const packages = [...byOwner].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
    return { rawBytes: code.length, gzipBytes: gzipSync(code).length, budgetBytes: BUNDLE_BUDGET_BYTES, packages };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const HELLO_WORLD = `import { Hono } from "hono";\nconst app = new Hono();\napp.get("/", (c) => c.text("Hello Hono!"));\nexport default app;\n`;

/** One route that uses each part of the fixed stack the way the worker does (the same entry points). */
const STACK_FLOOR = `import { Hono } from "hono";
import { neon } from "@neondatabase/serverless";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-http";
import { pgTable, text } from "drizzle-orm/pg-core";
import * as z from "zod/mini";
import { jwtVerify } from "jose";
// @ts-expect-error no declaration file: the worker reaches the same chunk (src/redis/client.ts)
import { HttpClient } from "../node_modules/@upstash/redis/chunk-4WQYU7T6.mjs";
const shows = pgTable("shows", { id: text("id").primaryKey() });
const Body = z.object({ id: z.string(), token: z.string() });
const app = new Hono<{ Bindings: { DATABASE_URL: string; REDIS_URL: string; SECRET: string } }>();
app.post("/", async (c) => {
  const body = Body.parse(await c.req.json());
  await jwtVerify(body.token, new TextEncoder().encode(c.env.SECRET));
  const redis = new HttpClient({ baseUrl: c.env.REDIS_URL, headers: {} });
  const seats = await redis.request({ body: ["GET", body.id] });
  const db = drizzle({ client: neon(c.env.DATABASE_URL) });
  return c.json({ seats, shows: await db.select().from(shows).where(eq(shows.id, body.id)) });
});
export default app;
`;

/** A worker of the given source with this worker's compatibility date and flags, using its node_modules. */
async function helloWorldProject(root: string, source = HELLO_WORLD): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "housefull-hello-"));
  const toml = await readFile(path.join(root, "wrangler.toml"), "utf8");
  const setting = (key: string) => new RegExp(`^${key} = (.+)$`, "m").exec(toml)?.[1] ?? "";
  await mkdir(path.join(dir, "src"));
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(path.join(dir, "src/index.ts"), source);
  await writeFile(
    path.join(dir, "wrangler.toml"),
    [
      `name = "hello"`,
      `main = "src/index.ts"`,
      `compatibility_date = ${setting("compatibility_date")}`,
      `compatibility_flags = ${setting("compatibility_flags") || "[]"}`,
      `minify = ${setting("minify") || "false"}`,
      "",
    ].join("\n"),
  );
  return dir;
}

/** One `wrangler check startup`: [all deltas, deltas after the first] in ms. */
export async function startupOnce(root: string, cwd: string): Promise<[number, number]> {
  const outfile = path.join(os.tmpdir(), `housefull-startup-${process.pid}-${Date.now()}.cpuprofile`);
  try {
    await run(path.join(root, "node_modules/.bin/wrangler"), ["check", "startup", "--outfile", outfile], {
      cwd,
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    const { timeDeltas } = JSON.parse(await readFile(outfile, "utf8")) as { timeDeltas: number[] };
    const all = timeDeltas.reduce((sum, d) => sum + d, 0) / 1000;
    return [all, all - (timeDeltas[0] ?? 0) / 1000];
  } finally {
    await rm(outfile, { force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

export async function measureStartup(
  root: string,
  runs: number,
  progress: (line: string) => void,
): Promise<ColdStartResult["startup"]> {
  const [hello, floor] = [await helloWorldProject(root), await helloWorldProject(root, STACK_FLOOR)];
  const r = {
    appMs: [] as number[],
    helloMs: [] as number[],
    appEvalMs: [] as number[],
    helloEvalMs: [] as number[],
    floorMs: [] as number[],
    floorEvalMs: [] as number[],
  };
  try {
    for (let i = 0; i < runs; i++) {
      // Taking turns, so a change of the machine's load hits all three alike.
      const [app, appEval] = await startupOnce(root, root);
      const [hw, hwEval] = await startupOnce(root, hello);
      const [fl, flEval] = await startupOnce(root, floor);
      r.appMs.push(app);
      r.appEvalMs.push(appEval);
      r.helloMs.push(hw);
      r.helloEvalMs.push(hwEval);
      r.floorMs.push(fl);
      r.floorEvalMs.push(flEval);
      progress(
        `startup ${i + 1}/${runs}: worker ${app.toFixed(0)} ms, hello-world Hono ${hw.toFixed(0)} ms, stack floor ${fl.toFixed(0)} ms`,
      );
    }
  } finally {
    for (const dir of [hello, floor]) await rm(dir, { recursive: true, force: true });
  }
  return {
    runs,
    ...r,
    ratio: median(r.appMs) / median(r.helloMs),
    ratioMin: Math.min(...r.appMs) / Math.min(...r.helloMs),
  };
}

/** The JavaScript web/dist/index.html loads and preloads, and everything those import statically. */
export async function firstLoadScripts(dist: string): Promise<string[]> {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const queue = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(path.join(dist, file), "utf8");
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` loads later.
    for (const m of code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(path.posix.join(path.posix.dirname(file), m[1] as string));
  }
  return [...seen];
}

export async function measureWebFirstLoad(root: string, files?: string[]): Promise<ColdStartResult["webFirstLoad"]> {
  const dist = path.join(root, "web/dist");
  const scripts = files ?? (await firstLoadScripts(dist));
  const sized = await Promise.all(
    scripts.map(async (file) => ({ file, gzipBytes: gzipSync(await readFile(path.join(dist, file))).length })),
  );
  sized.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: sized,
    gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0),
    targetBytes: WEB_FIRST_LOAD_TARGET_BYTES,
  };
}

/**
 * The bundle as wrangler makes it, made importable by Node: its Lua text modules inlined as string
 * constants and `cloudflare:email`'s class stubbed (only used inside handlers).
 */
async function nodeImportableBundle(root: string, cwd: string): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), "housefull-node-bundle-"));
  await run(path.join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd,
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  let code = await readFile(path.join(out, "index.js"), "utf8");
  code = code.replace(/import ?\{ ?EmailMessage(?: as ([\w$]+))? ?\} ?from ?"cloudflare:email";?/, (_m, local) => {
    return `const ${local ?? "EmailMessage"}=class{};`;
  });
  const lua = [...code.matchAll(/import ([\w$]+) from ?"\.\/([^"]+\.lua)";?/g)];
  for (const [statement, local, file] of lua)
    code = code.replace(
      statement,
      `const ${local}=${JSON.stringify(await readFile(path.join(out, file as string), "utf8"))};`,
    );
  await writeFile(path.join(out, "node.mjs"), code);
  return out;
}

/** CPU ms of `import()` of the bundle in a fresh Node process. */
async function nodeImportCpuMs(file: string): Promise<number> {
  const script =
    "const u0=process.cpuUsage();import(process.argv[1]).then(()=>{const u=process.cpuUsage(u0);" +
    "console.log((u.user+u.system)/1000)})";
  const { stdout } = await run(process.execPath, ["-e", script, file], { env: ENV });
  return Number(stdout.trim());
}

export async function measureNodeStartup(
  root: string,
  runs: number,
): Promise<Pick<ColdStartResult, "startupNode" | "stackFloor">> {
  const [hello, floor] = [await helloWorldProject(root), await helloWorldProject(root, STACK_FLOOR)];
  const [appOut, helloOut, floorOut] = [
    await nodeImportableBundle(root, root),
    await nodeImportableBundle(root, hello),
    await nodeImportableBundle(root, floor),
  ];
  const r = { appCpuMs: [] as number[], helloCpuMs: [] as number[], floorCpuMs: [] as number[] };
  try {
    for (let i = 0; i < runs; i++) {
      // Taking turns, so a change of the machine's load hits all three alike.
      r.appCpuMs.push(await nodeImportCpuMs(path.join(appOut, "node.mjs")));
      r.helloCpuMs.push(await nodeImportCpuMs(path.join(helloOut, "node.mjs")));
      r.floorCpuMs.push(await nodeImportCpuMs(path.join(floorOut, "node.mjs")));
    }
    const floorGzipBytes = gzipSync(await readFile(path.join(floorOut, "index.js"))).length;
    return {
      startupNode: {
        runs,
        appCpuMs: r.appCpuMs,
        helloCpuMs: r.helloCpuMs,
        ratio: median(r.appCpuMs) / median(r.helloCpuMs),
      },
      stackFloor: { gzipBytes: floorGzipBytes, cpuMs: r.floorCpuMs, ratio: median(r.appCpuMs) / median(r.floorCpuMs) },
    };
  } finally {
    for (const dir of [hello, floor, appOut, helloOut, floorOut]) await rm(dir, { recursive: true, force: true });
  }
}

export async function coldStart(
  root: string,
  opts: { startupRuns: number; nodeRuns: number },
  progress: (line: string) => void,
): Promise<ColdStartResult> {
  if (!existsSync(path.join(root, "web/dist/index.html"))) {
    progress("cold start: building web/dist");
    await run("npm", ["run", "build:web", "--silent"], { cwd: root, env: ENV });
  }
  progress("cold start: bundling the worker (wrangler deploy --dry-run)");
  const bundle = await measureBundle(root);
  progress(`cold start: wrangler check startup, ${opts.startupRuns} turns each`);
  const startup = await measureStartup(root, opts.startupRuns, progress);
  progress(`cold start: the bundle imported in Node, CPU time, ${opts.nodeRuns} turns each`);
  const { startupNode, stackFloor } = await measureNodeStartup(root, opts.nodeRuns);
  return { bundle, startup, startupNode, stackFloor, webFirstLoad: await measureWebFirstLoad(root) };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export function coldStartMarkdown(r: ColdStartResult): string {
  const { bundle, startup, startupNode, stackFloor, webFirstLoad } = r;
  const top = bundle.packages.slice(0, 10);
  const total = bundle.packages.reduce((sum, p) => sum + p.bytes, 0);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  return [
    "### Cold start",
    "",
    `Worker bundle: **${kb(bundle.gzipBytes)} KB gzipped** (budget ${kb(bundle.budgetBytes)} KB: ` +
      `${bundle.gzipBytes <= bundle.budgetBytes ? "within" : "OVER"}), ${kb(bundle.rawBytes)} KB minified.`,
    "",
    "| from | minified KB | share |",
    "| --- | --- | --- |",
    ...top.map((p) => `| ${p.name} | ${kb(p.bytes)} | ${((100 * p.bytes) / total).toFixed(0)}% |`),
    "",
    `Startup CPU (\`wrangler check startup\`, sum of the profile's time deltas, ${startup.runs} turns each): ` +
      `worker median ${median(startup.appMs).toFixed(0)} ms (${list(startup.appMs)}), hello-world Hono median ` +
      `${median(startup.helloMs).toFixed(0)} ms (${list(startup.helloMs)}): **ratio ${startup.ratio.toFixed(2)}** ` +
      `(of the minima ${startup.ratioMin.toFixed(2)}). Without the first delta (script compile): worker ` +
      `${median(startup.appEvalMs).toFixed(0)} ms, hello-world ${median(startup.helloEvalMs).toFixed(0)} ms.`,
    "",
    `The fixed stack alone under \`wrangler check startup\` in the same turns: median ${median(startup.floorMs).toFixed(0)} ms ` +
      `(${list(startup.floorMs)}; ${median(startup.floorEvalMs).toFixed(0)} ms without the compile): ` +
      `**${(median(startup.floorMs) / median(startup.helloMs)).toFixed(2)}× hello-world** before a line of the worker's ` +
      `own, and the worker is **${(median(startup.appMs) / median(startup.floorMs)).toFixed(2)}× that floor**.`,
    "",
    `Startup CPU time in Node (the bundle \`import()\`ed in a fresh process, \`process.cpuUsage()\`, ` +
      `${startupNode.runs} turns each; steady under load): worker median ${median(startupNode.appCpuMs).toFixed(1)} ms, ` +
      `hello-world Hono ${median(startupNode.helloCpuMs).toFixed(1)} ms: **ratio ${startupNode.ratio.toFixed(2)}**.`,
    "",
    `The fixed stack alone (hono, zod/mini, drizzle over Neon's driver, @upstash/redis's transport, jose; one ` +
      `route using each): ${kb(stackFloor.gzipBytes)} KB gzipped, Node startup ${median(stackFloor.cpuMs).toFixed(1)} ms ` +
      `(${list(stackFloor.cpuMs)}): the worker is **${stackFloor.ratio.toFixed(2)}× the stack's own floor** in startup ` +
      `and ${(bundle.gzipBytes / stackFloor.gzipBytes).toFixed(2)}× in size.`,
    "",
    `Movies page first load: **${kb(webFirstLoad.gzipBytes)} KB gzipped JS** (target ${kb(webFirstLoad.targetBytes)} KB): ` +
      webFirstLoad.files.map((f) => `${f.file.replace(/^assets\//, "")} ${kb(f.gzipBytes)}`).join(", "),
    "",
  ].join("\n");
}
