import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "../../../router";
import { loadAccountPage, loadBookingsPage } from "../../../routes";
import { useSignOut } from "../hooks/use-account-actions";
import type { SignedIn } from "../hooks/use-session";
import nav from "./AccountMenu.module.css";
import styles from "./SignedInMenu.module.css";

/** A signed-in person's name in the header, opening: My bookings, Account, Sign out. */
export default function SignedInMenu({ session }: { session: SignedIn }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate("/"));
  const label = session.name ?? session.email;

  // A new page closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on each new path is the point
  useEffect(() => setOpen(false), [pathname]);

  // A click elsewhere or Escape closes it (Escape hands focus back to the button).
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <nav className={nav.nav} aria-label="Your account">
      <div className={styles.wrap} ref={wrap}>
        <button
          ref={trigger}
          type="button"
          className={styles.trigger}
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
          onPointerEnter={() => void loadAccountPage()}
        >
          <span className={styles.avatar} aria-hidden="true">
            {label.slice(0, 1).toUpperCase()}
          </span>
          <span className={styles.who}>{label}</span>
        </button>
        {open ? (
          <ul id={menuId} className={styles.menu}>
            <li className={styles.email}>Signed in as {session.email}</li>
            <li>
              <Link to="/bookings" className={styles.item} onFocus={() => void loadBookingsPage()}>
                My bookings
              </Link>
            </li>
            <li>
              <Link to="/account" className={styles.item}>
                Account
              </Link>
            </li>
            <li>
              <button
                type="button"
                className={styles.item}
                disabled={signOut.isPending}
                onClick={() => signOut.mutate()}
              >
                {signOut.isPending ? "Signing out…" : signOut.isError ? "Sign out (try again)" : "Sign out"}
              </button>
            </li>
          </ul>
        ) : null}
      </div>
    </nav>
  );
}
