/**
 * `npm run build:web` (after vite): writes the API's OpenAPI document and its /api/docs page into
 * web/dist, where the worker serves them as static files (src/app.ts). The document is generated
 * from the routes themselves (dev/openapi/document.ts), bundled here with esbuild the way wrangler
 * bundles the worker (Lua scripts as text), then run in Node.
 *
 * `--print` writes the document to stdout instead.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { ROOT } from "../local-stack.ts";
import { writeShippedLua } from "../lua/shipped.ts";

const OUT = path.join(ROOT, "web/dist");

/** What dev/openapi/document.ts exports (typed here: it type-checks with the worker's project, not Node's). */
interface DocumentModule {
  openApiDocument(): Promise<unknown>;
  apiDocsPage(): Promise<string>;
}

export async function generateApiDocumentation(): Promise<{ document: unknown; docsPage: string }> {
  const outfile = path.join(ROOT, "node_modules/.cache/housefull/openapi-document.mjs");
  // The routes import the shipped Lua copies, as the worker does.
  writeShippedLua(ROOT);
  await build({
    entryPoints: [path.join(ROOT, "dev/openapi/document.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    loader: { ".lua": "text" },
    // The routes' descriptions, which the worker's build leaves out (wrangler.toml [define]).
    define: { ROUTE_DOCS: "true" },
    logLevel: "warning",
  });
  const { openApiDocument, apiDocsPage } = (await import(
    `${pathToFileURL(outfile).href}?t=${Date.now()}`
  )) as DocumentModule;
  return { document: await openApiDocument(), docsPage: await apiDocsPage() };
}

/**
 * Writes web/dist/api/v1/openapi.json and web/dist/api/docs.html from the routes as they are now;
 * answers the files it changed. A file already up to date is left untouched: every running
 * `wrangler dev` watches web/dist and reloads on any write, so a second stack starting (the e2e
 * suite's "short" one) would otherwise reload the first mid-run.
 */
export async function writeApiDocumentation(out = OUT): Promise<string[]> {
  const { document, docsPage } = await generateApiDocumentation();
  await mkdir(path.join(out, "api/v1"), { recursive: true });
  const files: [string, string][] = [
    ["api/v1/openapi.json", JSON.stringify(document)],
    ["api/docs.html", docsPage],
  ];
  const written: string[] = [];
  for (const [file, text] of files) {
    const target = path.join(out, file);
    const before = await readFile(target, "utf8").catch(() => undefined);
    if (before === text) continue;
    await writeFile(target, text);
    written.push(file);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--print")) {
    process.stdout.write(`${JSON.stringify((await generateApiDocumentation()).document, null, 2)}\n`);
  } else {
    await writeApiDocumentation();
    console.log("API documentation: web/dist/api/v1/openapi.json, web/dist/api/docs.html");
  }
}
