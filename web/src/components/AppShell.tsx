import { type ReactNode, Suspense, useEffect, useRef } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { AccountMenu } from "../features/accounts/components/AccountMenu";
import { CityPicker } from "../features/city/components/CityPicker";
import { Link, useLocation, useNavigationType } from "../router";
import styles from "./AppShell.module.css";
import { SearchBox } from "./SearchBox";
import { ErrorState, PageLoading } from "./StatusViews";
import { Wordmark } from "./Wordmark";

// Scroll positions are restored by the shell below, not by the browser's guess.
if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";

/** Header (wordmark, search), the page, and a footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { pathname, key } = useLocation();
  const navigationType = useNavigationType();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  const scrollByEntry = useRef(new Map<string, number>());

  // Remember how far each history entry was scrolled, for Back/Forward.
  useEffect(() => {
    const remember = () => scrollByEntry.current.set(key, window.scrollY);
    window.addEventListener("scroll", remember, { passive: true });
    return () => window.removeEventListener("scroll", remember);
  }, [key]);

  // A new page starts at the top (or where it was left, on Back/Forward), with focus at its start
  // so screen readers hear the new page; not on the first load, and not for query-string changes
  // (filters, dates, paging).
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const saved = navigationType === "POP" ? scrollByEntry.current.get(key) : undefined;
    window.scrollTo(0, saved ?? 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname, key, navigationType]);

  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header} data-print="hide">
        <div className={`container ${styles.headerInner}`}>
          <Link to="/" className={styles.home} aria-label="housefull: all movies">
            <Wordmark narrow="glyph" />
          </Link>
          <div className={styles.search}>
            <SearchBox />
          </div>
          <CityPicker />
          <AccountMenu />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {/* Last line of defence: a page that throws while rendering shows words, not a blank screen;
            another page clears it. */}
        <ErrorBoundary
          resetKeys={[pathname]}
          FallbackComponent={PageFailed}
          onError={(error, info) => console.error("Page failed to render", error, info.componentStack)}
        >
          <Suspense fallback={<PageLoading />}>{children}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className={styles.footer} data-print="hide">
        <div className={`container ${styles.footerInner}`}>
          <Wordmark />
          <p>Show times are in India Standard Time (IST). Prices include taxes.</p>
        </div>
      </footer>
    </div>
  );
}

function PageFailed({ error }: FallbackProps) {
  return (
    <div className="container">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
