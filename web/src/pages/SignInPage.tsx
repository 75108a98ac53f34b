import { useEffect, useRef } from "react";
import { Notice } from "../components/Notice";
import { PageLoading } from "../components/StatusViews";
import { oidcStartUrl } from "../features/accounts/api/accounts";
import styles from "../features/accounts/components/Accounts.module.css";
import { EmailCodeSignIn } from "../features/accounts/components/EmailCodeSignIn";
import { useSession } from "../features/accounts/hooks/use-session";
import { safeReturnTo } from "../features/accounts/lib/return-to";
import { refusalWords } from "../features/accounts/lib/words";
import { useDocumentTitle } from "../lib/hooks";
import { Link, useNavigate, useSearchParams } from "../router";

/**
 * /sign-in?returnTo=/path[&error=REASON]: Google (a full-page visit to the provider, back at
 * `returnTo`) or an emailed code. A refused Google sign-in lands here with its reason.
 */
export default function SignInPage() {
  useDocumentTitle("Sign in");
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get("returnTo"));
  const error = params.get("error");
  const session = useSession();
  const navigate = useNavigate();
  const sawSignedOut = useRef(false);

  // Signed in on this page (the email code): on to where they were. Arriving signed in stays here.
  useEffect(() => {
    if (session?.signedIn === false) sawSignedOut.current = true;
    else if (session?.signedIn && sawSignedOut.current) navigate(returnTo, { replace: true });
  }, [session, navigate, returnTo]);

  if (session === null) return <PageLoading />;

  if (session.signedIn) {
    return (
      <div className={`container ${styles.page}`}>
        <h1 className={styles.title}>You're signed in</h1>
        <p className={styles.lead}>As {session.name ?? session.email}.</p>
        <div className={styles.actions}>
          <Link to={returnTo} className="btn btn-primary">
            Continue
          </Link>
          <Link to="/account" className="btn btn-secondary">
            Your account
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      <div>
        <h1 className={styles.title}>Sign in</h1>
        <p className={styles.lead}>
          See your bookings on every device. Booked as a guest on this device? Those bookings come along.
        </p>
      </div>
      {error ? (
        <Notice tone="error" title="You're not signed in yet">
          {refusalWords(error)}
        </Notice>
      ) : null}
      <section className={styles.card} aria-label="Ways to sign in">
        <a className={`btn btn-secondary ${styles.google}`} href={oidcStartUrl(returnTo)}>
          <GoogleMark />
          Sign in with Google
        </a>
        <p className={styles.or}>or</p>
        <EmailCodeSignIn />
      </section>
    </div>
  );
}

/** Google's "G", in its colours (decorative: the link says it). */
function GoogleMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        fill="#EA4335"
        d="M24 9.5c3.5 0 6.6 1.2 9 3.5l6.7-6.7C35.6 2.4 30.2 0 24 0 14.6 0 6.6 5.4 2.6 13.2l7.8 6C12.3 13.6 17.7 9.5 24 9.5z"
      />
      <path
        fill="#4285F4"
        d="M46.5 24.5c0-1.6-.1-3.1-.4-4.5H24v9h12.7c-.6 3-2.3 5.5-4.8 7.2l7.5 5.8c4.4-4 7.1-10 7.1-17.5z"
      />
      <path
        fill="#FBBC05"
        d="M10.4 28.8c-.5-1.5-.8-3.1-.8-4.8s.3-3.3.8-4.8l-7.8-6C.9 16.5 0 20.1 0 24s.9 7.5 2.6 10.8l7.8-6z"
      />
      <path
        fill="#34A853"
        d="M24 48c6.5 0 11.9-2.1 15.9-5.8l-7.5-5.8c-2.1 1.4-4.8 2.3-8.4 2.3-6.3 0-11.7-4.1-13.6-9.8l-7.8 6C6.6 42.6 14.6 48 24 48z"
      />
    </svg>
  );
}
