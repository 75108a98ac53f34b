import { type ComponentType, lazy as reactLazy } from "react";
import { readForPage } from "./api/early-reads";
import { seatMapRead } from "./features/booking/api/seat-map-read";
import { showRead } from "./features/catalog/api/show-read";

/**
 * Code-split pages. The loaders are exported so a link can start fetching a page's code on hover,
 * before the click. The movies grid is the only page in the entry chunk. Every lazy page comes
 * with the query library and cache (./api/query-client.tsx), fetched beside the page's own code
 * (one wave, not two) and wrapped around it; the entry also fetches it once the first page is up.
 */
type Module<P> = { default: ComponentType<P> };
export const withQueries =
  <P extends object>(load: () => Promise<Module<P>>) =>
  (): Promise<Module<P>> =>
    Promise.all([load(), loadQueryClient()]).then(([module, queries]) => ({
      default: queries.withQueries(module.default),
    }));
export const loadQueryClient = () => import("./api/query-client");
const lazy = <P extends object>(load: () => Promise<Module<P>>) => reactLazy(withQueries(load));

export const loadMoviePage = () => import("./pages/MoviePage");
export const loadSeatsPage = () => import("./pages/SeatsPage");
export const loadCheckoutPage = () => import("./pages/CheckoutPage");
export const loadPayPage = () => import("./pages/PayPage");
export const loadTicketPage = () => import("./pages/TicketPage");
export const loadBookingsPage = () => import("./pages/BookingsPage");
export const loadScanPage = () => import("./pages/ScanPage");
export const loadDoorConflictsPage = () => import("./pages/DoorConflictsPage");
export const loadSignInPage = () => import("./pages/SignInPage");
export const loadAccountPage = () => import("./pages/AccountPage");
export const loadQueuePage = () => import("./pages/QueuePage");
/** The back office: staff only, its own chunk (with the charting library), never preloaded by a customer page. */
export const loadAdminArea = () => import("./pages/admin/AdminArea");

export const MoviePage = lazy(loadMoviePage);
export const SeatsPage = lazy(loadSeatsPage);
export const CheckoutPage = lazy(loadCheckoutPage);
export const PayPage = lazy(loadPayPage);
export const TicketPage = lazy(loadTicketPage);
export const BookingsPage = lazy(loadBookingsPage);
export const ScanPage = lazy(loadScanPage);
export const DoorConflictsPage = lazy(loadDoorConflictsPage);
export const SignInPage = lazy(loadSignInPage);
export const AccountPage = lazy(loadAccountPage);
export const QueuePage = lazy(loadQueuePage);
export const AdminArea = lazy(loadAdminArea);

/**
 * The seat page's first reads, its show and seat map, started as its route matches (App.tsx):
 * beside the page's code rather than after it, so the map can paint with the page. Called while
 * rendering, since a navigation renders in a transition that commits nothing until the code is
 * there; safe to repeat (one request per key, a fresh answer reused).
 */
export function readSeatsPageData(showId: string): void {
  // The map first: over HTTP/1.1 (six connections a host) it then goes with the page's five files,
  // and the show's header lines wait for the next free connection (bench: docs/BENCHMARKS.md).
  readForPage(seatMapRead(showId));
  readForPage(showRead(showId));
}
