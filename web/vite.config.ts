import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { groups } from "./chunking.ts";
import { preparedPageHtml } from "./page-html.ts";

/** The wrangler dev server (`npm run dev`), which serves /api/v1 locally. */
const API_ORIGIN = process.env.HOUSEFULL_API_ORIGIN ?? "http://127.0.0.1:8787";
const proxy = { "/api": { target: API_ORIGIN, changeOrigin: true } };

const SHARED = fileURLToPath(new URL("../src/shared/", import.meta.url));

// Run from the repository root: `vite --config web/vite.config.ts` (npm run dev:web / build:web).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // preparedPageHtml: the seat page's own index.html, its code preloaded (./page-html.ts).
  plugins: [react(), preparedPageHtml()],
  // The one module the worker shares with the UI (rules both must agree on); web/tsconfig.json `paths` too.
  // `@housefull/shared/geo` names one of its files: the first load's modules do, so the chunking
  // (./chunking.ts) can tell which of the rules are in the first load.
  resolve: {
    alias: [
      { find: /^@housefull\/shared$/, replacement: `${SHARED}index.ts` },
      { find: /^@housefull\/shared\/([\w-]+)$/, replacement: `${SHARED}$1.ts` },
    ],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The worker serves these files from web/dist; hashed names are cached forever by the browser.
    assetsDir: "assets",
    sourcemap: false,
    rolldownOptions: {
      // src/shared has no side effects (its index says so): what a page doesn't use is dropped.
      // Without this, the customer schema (and zod) rides along with the cinema clock and money
      // into the chunk every show page loads; with it, zod stays in the checkout page's chunk.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]shared[\\/]/, sideEffects: false }] },
      output: {
        // See ./chunking.ts.
        codeSplitting: { groups },
      },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
