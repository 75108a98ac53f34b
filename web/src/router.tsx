/**
 * The app's router: wouter (~3 KB gzipped, against react-router's ~16 KB on the movies page's first
 * load), plus the few things the pages need that wouter leaves out, in react-router's shape:
 * `useLocation()` as an object with the history entry's `state` and `key`, `useNavigationType()`,
 * `NavLink` (active when the path is the link's or below it, with `aria-current="page"`), and
 * `Navigate`. Links and `navigate()` also take a search alone (`?page=2`: this page with that
 * search) and, like react-router, replace the history entry instead of pushing a copy when the
 * target is where the browser already is. Every page imports its routing from here, not from
 * wouter: one owner of what navigation means.
 *
 * As react-router did, every change of address renders in a transition (`startTransition`): a page
 * whose lazy code has not arrived yet suspends, and React keeps the current page on screen instead
 * of the shell's spinner until it has. wouter's own location hooks read the address with
 * `useSyncExternalStore`, whose updates React never defers, so the app keeps the address it renders
 * in state ({@link BrowserRouter}) and hands it to wouter (`hook`, `searchHook`).
 */
import {
  type AnchorHTMLAttributes,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
  useTransition,
} from "react";
import { Redirect, Router, Link as WouterLink } from "wouter";
import { navigate as browserNavigate } from "wouter/use-browser-location";

export { Route, Switch, useParams, useSearchParams } from "wouter";

export type NavigationType = "POP" | "PUSH" | "REPLACE";

export interface NavigateOptions {
  replace?: boolean;
  /** Kept with the history entry (`useLocation().state`), e.g. a notice for the next page. */
  state?: unknown;
}

/** What this app keeps in `history.state`: a key per entry (scroll positions) and the page's state. */
interface EntryState {
  key: string;
  usr: unknown;
}

/** The first load counts as a POP, as in react-router. Set before wouter hears of a Back/Forward. */
let lastNavigation: NavigationType = "POP";
addEventListener("popstate", () => {
  lastNavigation = "POP";
});

const isEntryState = (state: unknown): state is EntryState =>
  typeof state === "object" && state !== null && "key" in state && "usr" in state;

/** `?x` → this path with that search (`?` alone: no search); anything else as given. */
function resolve(to: string, pathname: string): string {
  if (!to.startsWith("?")) return to;
  return to === "?" ? pathname : `${pathname}${to}`;
}

/** Every navigation of the app (links, redirects, `useNavigate`, search params) goes through here. */
export function navigate(to: string, { replace, state }: NavigateOptions = {}): void {
  const target = resolve(to, location.pathname);
  const here = `${location.pathname}${location.search}`;
  const replacing = replace ?? target === here;
  lastNavigation = replacing ? "REPLACE" : "PUSH";
  const entry: EntryState = { key: Math.random().toString(36).slice(2, 10), usr: state ?? null };
  browserNavigate(target, { replace: replacing, state: entry });
}

/** The address the app renders: the browser's, as it was when the last navigation began. */
interface Shown {
  pathname: string;
  search: string;
  entry: unknown;
}
const browserAddress = (): Shown => ({ pathname: location.pathname, search: location.search, entry: history.state });
const ShownContext = createContext<Shown | null>(null);

/** The address being rendered (the current page's until the next one can render). */
function useShown(): Shown {
  const shown = useContext(ShownContext);
  if (!shown) throw new Error("routing outside <BrowserRouter>");
  return shown;
}

/** wouter's `pushState`/`replaceState` events (its module patches history), and Back/Forward. */
const ADDRESS_EVENTS = ["popstate", "pushState", "replaceState"] as const;

const useAppLocation = (): [string, typeof navigate] => [useShown().pathname, navigate];
const useAppSearch = (): string => useShown().search;

/** The app's router: the browser's address, followed in a transition; navigation through {@link navigate}. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(browserAddress);
  const [navigating, startTransition] = useTransition();
  useEffect(() => {
    // Read when the address changes, rendered when React can: a suspending page keeps the last one up.
    const follow = () => {
      const next = browserAddress();
      const same = (a: Shown) => a.pathname === next.pathname && a.search === next.search && a.entry === next.entry;
      startTransition(() => setShown((last) => (same(last) ? last : next)));
    };
    for (const type of ADDRESS_EVENTS) addEventListener(type, follow);
    follow(); // a navigation before this effect ran (a redirect during the first render)
    return () => {
      for (const type of ADDRESS_EVENTS) removeEventListener(type, follow);
    };
  }, []);
  // While the next page's code is on its way, a bar along the top says so (global.css).
  useEffect(() => {
    document.documentElement.toggleAttribute("data-navigating", navigating);
  }, [navigating]);
  return (
    <ShownContext value={shown}>
      <Router hook={useAppLocation} searchHook={useAppSearch}>
        {children}
      </Router>
    </ShownContext>
  );
}

export interface Location {
  pathname: string;
  /** With its `?`, or "" */
  search: string;
  /** What the navigation that made this entry passed as `state`, else null. */
  state: unknown;
  /** Unique per history entry ("default" for the one the page was loaded into). */
  key: string;
}

export function useLocation(): Location {
  const { pathname, search, entry } = useShown();
  return isEntryState(entry)
    ? { pathname, search, state: entry.usr, key: entry.key }
    : { pathname, search, state: null, key: "default" };
}

/** How the current entry was reached: POP (load, Back/Forward), PUSH or REPLACE. */
export const useNavigationType = (): NavigationType => lastNavigation;

export const useNavigate = (): typeof navigate => navigate;

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "className">;

export interface LinkProps extends AnchorProps, NavigateOptions {
  to: string;
  className?: string;
}

export function Link({ to, ...props }: LinkProps) {
  return <WouterLink href={resolve(to, useShown().pathname)} {...props} />;
}

export interface NavLinkProps extends Omit<LinkProps, "className"> {
  className?: string | ((state: { isActive: boolean }) => string | undefined);
}

/** A link that knows when it is where the browser is (that path, or one below it). */
export function NavLink({ to, className, ...props }: NavLinkProps) {
  const { pathname } = useShown();
  const isActive = pathname === to || pathname.startsWith(`${to.replace(/\/$/, "")}/`);
  return (
    <Link
      to={to}
      aria-current={isActive ? "page" : undefined}
      className={typeof className === "function" ? className({ isActive }) : className}
      {...props}
    />
  );
}

/** Navigates as soon as it renders (replacing the entry with `replace`). */
export function Navigate({ to, ...options }: NavigateOptions & { to: string }) {
  return <Redirect href={resolve(to, location.pathname)} {...options} />;
}
