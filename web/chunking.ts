/**
 * How the web build splits its code into files (web/vite.config.ts). The movies page's first load
 * is the entry and `vendor`; every other page is a lazy chunk of its own (src/routes.ts). What the
 * customer's pages share (the booking feature, countdowns, notices, the show's queries…) is one
 * `shop` chunk instead of a dozen small common chunks: on a slow phone network every file costs a
 * round trip, and over HTTP/1.1 only six go at once, so the seat map page's ~20 files came in four
 * waves of ~2 s each on Slow 3G. Nothing the first load has moves out of it, and nothing the back
 * office or the door alone uses moves in.
 */
import { fileURLToPath } from "node:url";

type ModuleInfo = { importedIds: readonly string[] } | null;
type Context = { getModuleInfo(id: string): ModuleInfo };

const ENTRY = fileURLToPath(new URL("./src/main.tsx", import.meta.url));
const APP_CODE = /[\\/](web[\\/]src|src[\\/]shared)[\\/]/;
/** Libraries every page has anyway (the first load, the query library). */
const COMMON_LIBRARY = /[\\/]node_modules[\\/](react|react-dom|scheduler|wouter|@tanstack|hono)[\\/]/;
/** Vite's module preload helper and polyfill: first-load code, which every lazy import goes through. */
const VITE_HELPERS = /^\0vite[/](preload-helper|modulepreload-polyfill)/;
const STAFF_ONLY = /[\\/]web[\\/]src[\\/](features[\\/](admin|door)|pages[\\/]admin)[\\/]/;

/** The modules the entry imports statically, at any depth: the first load. */
let firstLoad: Set<string> | null = null;
function inFirstLoad(id: string, ctx: Context): boolean {
  if (!firstLoad) {
    firstLoad = new Set();
    const queue = [ENTRY];
    while (queue.length) {
      const next = queue.pop() as string;
      if (firstLoad.has(next)) continue;
      firstLoad.add(next);
      queue.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
    }
  }
  return firstLoad.has(id);
}

/** A module that brings a library of its own (zod and the form library, a QR coder): it stays with the pages that use it. */
const bringsLibrary = (id: string, ctx: Context) =>
  (ctx.getModuleInfo(id)?.importedIds ?? []).some((dep) => dep.includes("node_modules") && !COMMON_LIBRARY.test(dep));

export const groups = [
  // Libraries change far less often than our code: their own chunks stay cached across deploys.
  // `vendor` is what the movies page's first load needs (React, the router, the API client).
  {
    name: "vendor",
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|use-sync-external-store|hono)[\\/]/,
  },
  // The rest of the first load but the entry module (after `vendor`, which keeps its own): one file
  // instead of the entry and a common chunk for every few modules a lazy chunk shares with it (the
  // router, icons, the API client, its errors, vite's preload helper), each one more request — on
  // Slow 3G over HTTP/1.1, once six are under way, one more 2 s round trip.
  {
    name: (id: string, ctx: Context) =>
      VITE_HELPERS.test(id) || (id !== ENTRY && inFirstLoad(id, ctx)) ? "app" : null,
    includeDependenciesRecursively: false,
  },
  // The query library and the app's client of it (src/api/query-client.tsx): with every lazy page
  // (src/routes.ts), never the first load. Not what the client imports (the first load's retry rules).
  {
    name: "query",
    test: /[\\/](node_modules[\\/]@tanstack[\\/]|web[\\/]src[\\/]api[\\/]query-client\.tsx$)/,
    includeDependenciesRecursively: false,
  },
  {
    // App code that two or more lazy pages import, outside the first load and the staff's areas.
    // Only the modules themselves: what they import (the first load's client, zod…) stays where it
    // is, and so does a module that brings a library of its own (a src/shared file with schemas:
    // in the shop its schemas would no longer be shaken off, and zod would come with every page).
    name: (id: string, ctx: Context) =>
      APP_CODE.test(id) && !STAFF_ONLY.test(id) && !inFirstLoad(id, ctx) && !bringsLibrary(id, ctx) ? "shop" : null,
    minShareCount: 2,
    includeDependenciesRecursively: false,
  },
];
