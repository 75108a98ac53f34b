/*
 * The offline copy of the pages that must work at the cinema's door (docs/TICKETS.md: offline):
 * a ticket the visitor has opened, and the usher's scanner with its public keys.
 * - Hashed bundles (/assets/*) and icons: cache first (their names change with their content).
 * - Page loads: network first, else the cached app shell (index.html), so client routes open.
 * - GET /api/v1/door/keys and a ticket's GET /api/v1/orders/{id} and …/ticket: network first,
 *   else the last answer kept here on this device.
 * Nothing else of the API is cached: seats, holds and payments must always be live.
 */
const CACHE = "housefull-offline-v1";
const SHELL = "/index.html";
const KEPT_API = [/^\/api\/v1\/door\/keys$/, /^\/api\/v1\/orders\/[0-9a-f-]{36}(\/ticket)?$/i];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(SHELL))
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

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(fallbackUrl ?? request);
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

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL));
  } else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(cacheFirst(request));
  } else if (KEPT_API.some((path) => path.test(url.pathname))) {
    // Each visitor's own answers (Authorization varies) stay on their own device only.
    event.respondWith(networkFirst(request));
  }
});
