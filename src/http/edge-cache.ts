import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { catalogVersion } from "../catalog/catalog-version";
import { documented } from "./openapi-doc";

export interface CachePolicy {
  /** Seconds a browser may reuse the response without asking. */
  maxAge: number;
  /** Seconds the edge cache keeps it. */
  sMaxAge: number;
  /** Seconds a stale copy may be served while a fresh one is fetched. */
  staleWhileRevalidate: number;
}

/** Per-caller answers: never stored anywhere, not even by the browser. */
export const noStore = { "Cache-Control": "no-store" };

/** Headers of a response that belong to one request and must never be stored in a shared cache. */
const STORED_HEADERS = ["content-type", "cache-control", "etag"];

/**
 * Catalog reads: served from the Workers Cache API when present (no database call at all), stored
 * there on a miss, always with `ETag` and `Cache-Control`, and `304 Not Modified` when the client's
 * `If-None-Match` still matches. Catalog responses are public: nothing per-user may pass here.
 */
export function edgeCache(policy: CachePolicy): MiddlewareHandler<AppEnv> {
  const cacheControl = `public, max-age=${policy.maxAge}, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const key = new Request(versionedUrl(canonicalUrl(c.req.url), await catalogVersion()), { method: "GET" });
    const cache = caches.default;
    const hit = await cache.match(key);
    if (hit) {
      c.var.timings.notes.push('cache;desc="hit"');
      return answer(c, await hit.arrayBuffer(), hit.headers);
    }
    c.var.timings.notes.push('cache;desc="miss"');
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.arrayBuffer();
    const headers = new Headers({
      "content-type": c.res.headers.get("content-type") ?? "application/json",
      "cache-control": cacheControl,
      etag: await etagOf(body),
    });
    c.executionCtx.waitUntil(cache.put(key, new Response(body, { headers })));
    c.res = answer(c, body, headers);
  };
  return documented(middleware, { 304: { description: "Not modified: the `If-None-Match` ETag is current" } });
}

function answer(c: Context<AppEnv>, body: ArrayBuffer, stored: Headers): Response {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = stored.get(name);
    if (value) headers[name] = value;
  }
  if (matchesEtag(c.req.header("if-none-match"), headers.etag)) {
    delete headers["content-type"];
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, headers);
}

/** The cache key of a catalog answer at a catalog version (a bump leaves the old keys behind). */
const versionedUrl = (url: string, version: string) => {
  const u = new URL(url);
  u.searchParams.set("__catalog_version", version);
  return u.toString();
};

/** Same resource, same key: query parameters sorted, fragment dropped. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.sort();
  u.hash = "";
  return u.toString();
}

export async function etagOf(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", body);
  const hex = [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}

/** RFC 9110 If-None-Match: a list of tags, weak comparison, or `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => strip(t) === strip(etag));
}
