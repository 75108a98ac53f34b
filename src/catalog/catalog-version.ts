import { forgetShowBookingInfo } from "./show-info";

/**
 * The catalog's version: part of every edge-cache key of a catalog read (src/http/edge-cache.ts),
 * so one bump makes every cached list, movie and show answer unreachable at once, whatever its
 * query string. Kept in the colo's Cache API (no backend round trip) and remembered in the isolate
 * for VERSION_MEMO_MS: an edit is visible at once in the isolate that made it and within that
 * memo in the colo's other isolates. Other colos keep their copies until the responses' s-maxage.
 */
const VERSION_MEMO_MS = 1_000;
const versionKey = new Request("https://cache.housefull.internal/catalog-version");

let memo: { version: string; until: number } | undefined;

export async function catalogVersion(now = Date.now()): Promise<string> {
  if (memo && memo.until > now) return memo.version;
  const stored = await caches.default.match(versionKey);
  const version = stored ? await stored.text() : "0";
  memo = { version, until: now + VERSION_MEMO_MS };
  return version;
}

async function bumpCatalogVersion(): Promise<void> {
  const version = crypto.randomUUID();
  memo = { version, until: Date.now() + VERSION_MEMO_MS };
  await caches.default.put(
    versionKey,
    new Response(version, { headers: { "cache-control": "max-age=2592000", "content-type": "text/plain" } }),
  );
}

/**
 * After staff changed the catalog (a movie, theatre, screen or show): the catalog version bumps
 * and the booking info of the shows concerned is forgotten in this isolate and colo, so the next
 * hold and seat map read the show from Postgres. Call it once the change has committed.
 */
export async function publishCatalogChange(showIds: readonly string[] = []): Promise<void> {
  await Promise.all([bumpCatalogVersion(), ...showIds.map((id) => forgetShowBookingInfo(id))]);
}
