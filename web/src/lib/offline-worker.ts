/**
 * Registers /sw.js (web/public/sw.js), which keeps the pages a visitor has opened — a ticket, the
 * usher's scanner — working without a network. Only the ticket and scanner pages ask for it; a
 * browser without service workers simply has no offline copy.
 *
 * The first visit's own bundles load before the worker controls the page, so the worker never saw
 * them: once it is ready, the page hands it the list of what it loaded and its own address
 * (`keepLoadedAssets`), and the worker keeps those too. Without that, reopening the page offline after one online visit would
 * find the app shell but not its code.
 */
export function registerOfflineWorker(): void {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => keepLoadedAssets())
    .catch(() => {
      // No offline copy then; the page itself works as before.
    });
}

/** Asks the offline worker to keep every bundle this page has loaded so far (call after lazy loads too). */
export async function keepLoadedAssets(): Promise<void> {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const registration = await navigator.serviceWorker.ready;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name, window.location.href);
      return url.origin === window.location.origin && url.pathname.startsWith("/assets/");
    });
  registration.active?.postMessage({ type: "keep-assets", urls, page: window.location.href });
}
