/**
 * Registers /sw.js (web/public/sw.js), which keeps the pages a visitor has opened — a ticket, the
 * usher's scanner — working without a network. Only the ticket and scanner pages ask for it; a
 * browser without service workers simply has no offline copy.
 */
export function registerOfflineWorker(): void {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
    // No offline copy then; the page itself works as before.
  });
}
