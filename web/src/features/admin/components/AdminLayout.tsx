import type { ReactNode } from "react";
import { ApiError } from "../../../api/client";
import { NavLink } from "../../../router";
import { useSession } from "../../accounts/hooks/use-session";
import { useAdminTheatres } from "../hooks/queries";
import { useStaffCan } from "../hooks/use-staff-can";
import styles from "./Admin.module.css";

/** `manager`: for people who manage a theatre (the reports and the audit log are refused to ushers). */
const LINKS = [
  { to: "/admin/theatres", label: "Theatres", manager: false },
  { to: "/admin/movies", label: "Movies", manager: false },
  { to: "/admin/reports", label: "Reports", manager: true },
  { to: "/admin/audit", label: "Audit log", manager: true },
];

/**
 * The back office's frame: its own navigation, and the door — signed in, with a staff role (the
 * API's theatre list answers 403 to anyone without one; each person sees only their theatres).
 */
export function AdminLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const theatres = useAdminTheatres();
  const manages = useStaffCan()("manage", "any-theatre");
  const refused = theatres.error instanceof ApiError && [401, 403].includes(theatres.error.status);
  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <a href="/" className={styles.brand}>
          housefull <span>back office</span>
        </a>
        <nav aria-label="Back office">
          {LINKS.filter((l) => manages || !l.manager).map((l) => (
            <NavLink key={l.to} to={l.to} className={({ isActive }) => (isActive ? styles.navActive : styles.nav)}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <span className={styles.muted}>{session?.signedIn ? session.email : ""}</span>
      </header>
      <main className={styles.main}>
        {session && !session.signedIn ? (
          <p>
            The back office is for staff. <a href="/sign-in?returnTo=/admin">Sign in</a>
          </p>
        ) : refused ? (
          <p role="alert">Your account has no staff role. Ask an admin or your theatre's manager.</p>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
