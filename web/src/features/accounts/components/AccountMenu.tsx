import { lazy, Suspense } from "react";
import { TicketIcon } from "../../../components/Icons";
import { Link, NavLink, useLocation } from "../../../router";
import { loadBookingsPage, loadSignInPage, withQueries } from "../../../routes";
import { useSession } from "../hooks/use-session";
import styles from "./AccountMenu.module.css";

/**
 * The header's end: for a guest, "My bookings" and "Sign in" (coming back here afterwards); for a
 * signed-in person, their name with a menu (My bookings, Account, Sign out). The menu is a chunk of
 * its own: a visitor who never signs in does not download it with the movies page.
 */
const SignedInMenu = lazy(withQueries(() => import("./SignedInMenu")));

export function AccountMenu() {
  const session = useSession();
  const { pathname, search } = useLocation();
  if (session === null) return placeholder;
  if (session.signedIn) {
    return (
      <Suspense fallback={placeholder}>
        <SignedInMenu session={session} />
      </Suspense>
    );
  }
  const here = pathname.startsWith("/sign-in") ? "/" : `${pathname}${search}`;
  return (
    <nav className={styles.nav} aria-label="Your account">
      <NavLink
        to="/bookings"
        title="My bookings"
        className={styles.link}
        onPointerEnter={() => void loadBookingsPage()}
        onFocus={() => void loadBookingsPage()}
      >
        <TicketIcon size={18} />
        <span className={styles.label}>My bookings</span>
      </NavLink>
      <Link
        to={`/sign-in?returnTo=${encodeURIComponent(here)}`}
        className={styles.signIn}
        onPointerEnter={() => void loadSignInPage()}
        onFocus={() => void loadSignInPage()}
      >
        Sign in
      </Link>
    </nav>
  );
}

/** Holds the place while the session answer (or the menu) is on its way, so the header does not jump. */
const placeholder = (
  <div className={styles.nav}>
    <span className={styles.pending} aria-hidden="true" />
  </div>
);
