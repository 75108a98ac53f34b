/*
 * The offline copy of the pages that must work at the cinema's door (docs/TICKETS.md: offline):
 * a ticket the visitor has opened, and the usher's scanner with its public keys.
 * - Hashed bundles (/assets/*) and icons: cache first (their names change with their content); the
 *   bundles a page loaded before this worker controlled it are handed over by the page
 *   ("keep-assets", web/src/lib/offline-worker.ts) and kept too.
 * - Page loads: network first, else the cached app shell (index.html), so client routes open. The
 *   scanner's and the tickets' pages are kept under their own address: their response headers
 *   differ (only /scan may use the camera, web/public/_headers), and the shell's would deny it.
 * - GET /api/v1/door/keys and a ticket's GET /api/v1/orders/{id} and …/ticket: network first,
 *   else the last answer kept here on this device.
 * Nothing else of the API is cached: seats, holds and payments must always be live.
 */
const CACHE = "housefull-offline-v1";
const SHELL = "/index.html";
const KEPT_PAGES = [/^\/scan(\/|$)/, /^\/tickets\//];
const KEPT_API = [/^\/api\/v1\/door\/keys$/, /^\/api\/v1\/orders\/[0-9a-f-]{36}(\/ticket)?$/i];

/** A copy a navigation may be answered with: never a redirected response (the load would fail). */
async function plainCopy(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

/** The assets server redirects /index.html to /: the shell is kept as a plain copy of its answer. */
async function keepShell(cache) {
  const response = await fetch(SHELL);
  if (!response.ok) throw new Error(`app shell: HTTP ${response.status}`);
  await cache.put(SHELL, await plainCopy(response));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(keepShell)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, keyUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(keyUrl ?? request, await plainCopy(response.clone()));
    return response;
  } catch (error) {
    const kept = await cache.match(keyUrl ?? request);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

const isKeptPage = (url) => KEPT_PAGES.some((path) => path.test(url.pathname));
const pageKey = (url) => `${url.origin}${url.pathname}`;

/** A page load: a kept page under its own address (the shell as a last resort), any other as the shell. */
async function navigation(request, url) {
  if (!isKeptPage(url)) return networkFirst(request, SHELL);
  try {
    return await networkFirst(request, pageKey(url));
  } catch (error) {
    const shell = await (await caches.open(CACHE)).match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

const sameOrigin = (text) => {
  try {
    const url = new URL(text, self.location.origin);
    return url.origin === self.location.origin ? url : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps what a page loaded before this worker controlled it: its bundles, and itself if it is a kept page. */
async function keepLoaded(urls, page) {
  const cache = await caches.open(CACHE);
  const bundles = urls.map(sameOrigin).filter((url) => url?.pathname.startsWith("/assets/"));
  const work = bundles.map((url) => cache.match(url).then((kept) => kept ?? cache.add(url).catch(() => undefined)));
  if (page && isKeptPage(page))
    work.push(
      cache.match(pageKey(page)).then(async (kept) => {
        if (kept) return;
        const response = await fetch(pageKey(page)).catch(() => undefined);
        if (response?.ok) await cache.put(pageKey(page), await plainCopy(response));
      }),
    );
  await Promise.all(work);
}

self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-assets" || !Array.isArray(event.data.urls)) return;
  const page = typeof event.data.page === "string" ? sameOrigin(event.data.page) : undefined;
  event.waitUntil(keepLoaded(event.data.urls, page));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(request, url));
  } else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(cacheFirst(request));
  } else if (KEPT_API.some((path) => path.test(url.pathname))) {
    // Each visitor's own answers (Authorization varies) stay on their own device only.
    event.respondWith(networkFirst(request));
  }
});
