import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Notice } from "../components/Notice";
import { ErrorState, PageLoading } from "../components/StatusViews";
import { accountQuery } from "../features/accounts/api/accounts";
import styles from "../features/accounts/components/Accounts.module.css";
import { DeleteAccountCard } from "../features/accounts/components/DeleteAccountCard";
import { DevicesCard } from "../features/accounts/components/DevicesCard";
import { ProfileCard } from "../features/accounts/components/ProfileCard";
import { useSession } from "../features/accounts/hooks/use-session";
import { useDocumentTitle } from "../lib/hooks";
import { Link } from "../router";

/** /account: name, email, signed-in devices, sign out everywhere, delete the account. */
export default function AccountPage() {
  useDocumentTitle("Your account");
  const session = useSession();
  const signedIn = session?.signedIn === true;
  const account = useQuery({ ...accountQuery(), enabled: signedIn });
  /** Set just before signing out everywhere or deleting: what the signed-out page then says. */
  const [farewell, setFarewell] = useState<string | null>(null);

  if (session === null) return <PageLoading />;
  if (!signedIn) {
    return (
      <div className={`container ${styles.page}`}>
        <h1 className={styles.title}>Your account</h1>
        {farewell ? <Notice tone="success" title={farewell} /> : null}
        <p className={styles.lead}>Sign in to see your account and your bookings on every device.</p>
        <div className={styles.actions}>
          <Link to="/sign-in?returnTo=%2Faccount" className="btn btn-primary">
            Sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      <h1 className={styles.title}>Your account</h1>
      {account.isPending ? (
        <PageLoading />
      ) : account.isError ? (
        <ErrorState error={account.error} what="your account" onRetry={() => void account.refetch()} />
      ) : (
        <>
          <ProfileCard account={account.data} />
          <DevicesCard account={account.data} onSignedOut={() => setFarewell("You're signed out on every device.")} />
          <DeleteAccountCard onDeleted={() => setFarewell("Your account was deleted, and you're signed out.")} />
        </>
      )}
    </div>
  );
}
