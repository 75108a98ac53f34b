/**
 * The seat page's own HTML (web/vite.config.ts): index.html with the page's code preloaded. A page
 * opened cold otherwise learns what it needs one chain link at a time — the document, then the entry
 * (2 s on Slow 3G), then, once the entry runs and its route matches, the page's chunks (2 s more),
 * then its data. The worker answers the page's address with this file (src/shared/web-routes.ts
 * `preparedPage`; src/app.ts adds the page's API reads as `<link rel=preload>` after the code: a
 * `Link` header would put them ahead of it), so the page's code goes
 * in the same wave as the entry's. The files are the bundle's own (the same graph as
 * .vite/manifest.json): the page module's and the query library's chunks with their static imports
 * and their CSS, less what index.html already has. Nothing here is hand-listed but the page module.
 */
import type { Plugin } from "vite";
import { SEATS_PAGE_HTML } from "../src/shared/web-routes.ts";

/** Prepared HTML file (under web/dist) → the source modules its page imports lazily (src/routes.ts). */
const PREPARED: Record<string, readonly string[]> = {
  [`${SEATS_PAGE_HTML.slice(1)}.html`]: ["/web/src/pages/SeatsPage.tsx", "/web/src/api/query-client.tsx"],
};

interface Chunk {
  type: "chunk";
  fileName: string;
  moduleIds: string[];
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}
type Output = Chunk | { type: "asset"; fileName: string; source: string | Uint8Array };

/** `entries`' files with their static imports, at any depth: script files and style sheets. */
function filesOf(entries: Chunk[], bundle: Record<string, Output>): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const queue = [...entries];
  for (let chunk = queue.pop(); chunk; chunk = queue.pop()) {
    if (scripts.has(chunk.fileName)) continue;
    scripts.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const file of chunk.imports) {
      const next = bundle[file];
      if (next?.type === "chunk") queue.push(next);
    }
  }
  return { scripts: [...scripts], styles: [...styles] };
}

export function preparedPageHtml(): Plugin {
  return {
    name: "housefull:prepared-page-html",
    apply: "build",
    enforce: "post",
    generateBundle(_options, output) {
      const bundle = output as unknown as Record<string, Output>;
      const index = bundle["index.html"];
      if (index?.type !== "asset") throw new Error("prepared pages: the build has no index.html");
      const shell = String(index.source);
      const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === "chunk");
      for (const [fileName, modules] of Object.entries(PREPARED)) {
        const entries = modules.map((module) => {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
          if (!chunk) throw new Error(`prepared pages: no chunk for ${module}`);
          return chunk;
        });
        const { scripts, styles } = filesOf(entries, bundle);
        // index.html has the first load already (its script, modulepreloads and style sheet).
        const fresh = (file: string) => !shell.includes(`/${file}"`);
        // Preloaded, not applied: the route's loader inserts the style sheets (and waits for them)
        // as it imports the page, and then finds them fetched; a <link rel=stylesheet> here would
        // hold back the entry's execution until they were in.
        const links = [
          ...scripts.filter(fresh).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
          ...styles.filter(fresh).map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
        ];
        this.emitFile({
          type: "asset",
          fileName,
          source: shell.replace("</head>", `  ${links.join("\n    ")}\n  </head>`),
        });
      }
    },
  };
}
