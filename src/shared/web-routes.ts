/**
 * The web UI's pages, as the worker must know them to answer an unknown address with a real 404
 * (the app still renders its "page not found" from the same index.html). web/src/App.tsx declares
 * the same paths for the router; a test keeps the two in step. Parameters are matched by shape,
 * so a mistyped id is a 404 too; an id of the right shape that names nothing is the page's own
 * "not found" answer, which the worker cannot tell without a query.
 */
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const HOLD_ID = "[A-Za-z0-9_-]{54}";

/** Router path → the shape of each parameter (`*`: any rest of the path, the area routes itself). */
export const WEB_PAGES: Record<string, Record<string, string>> = {
  "/": {},
  "/movies/:movieId": { movieId: UUID },
  "/shows/:showId/seats": { showId: UUID },
  "/onsale/:eventId": { eventId: UUID },
  "/checkout/:holdId": { holdId: HOLD_ID },
  "/orders/:orderId/:step": { orderId: UUID, step: "pay|paid" },
  "/tickets/:orderId": { orderId: UUID },
  "/bookings": {},
  "/sign-in": {},
  "/account": {},
  "/scan/*": {},
  /** The manager's door conflicts (also under /scan/*; named so the router and this list agree). */
  "/scan/conflicts": {},
  "/admin/*": {},
};

const patterns = Object.entries(WEB_PAGES).map(([path, params]) => {
  const source = path
    .replace(/\/\*$/, "(?:/.*)?")
    .replace(/:(\w+)/g, (_, name: string) => `(?:${params[name] ?? "[^/]+"})`);
  return new RegExp(`^${source}/?$`);
});

/** True when `pathname` is one of the web UI's pages (so index.html answers 200, else 404). */
export const isWebPage = (pathname: string): boolean => patterns.some((p) => p.test(pathname));

/** The seat page's own HTML under web/dist: index.html with the page's code preloaded (web/page-html.ts). */
export const SEATS_PAGE_HTML = "/pages/shows-seats";
const SEATS_PAGE = new RegExp(`^/shows/(${UUID})/seats/?$`);

/**
 * A page the worker answers with its own HTML (its code preloaded) and its first API reads preloaded
 * too: the seat page, whose show and seat map the entry asks for as its route matches
 * (web/src/routes.ts `readSeatsPageData`) — the same addresses and request mode, so the page's
 * requests are answered by the preloads instead of starting after its code has run.
 */
export function preparedPage(pathname: string): { html: string; reads: string[] } | null {
  const showId = SEATS_PAGE.exec(pathname)?.[1];
  if (!showId) return null;
  return { html: SEATS_PAGE_HTML, reads: [`/api/v1/shows/${showId}/seatmap`, `/api/v1/shows/${showId}`] };
}
