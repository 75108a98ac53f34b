import { useState } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useDeleteAccount } from "../hooks/use-account-actions";
import { accountErrorWords } from "../lib/words";
import styles from "./Accounts.module.css";

/** "Delete my account", behind a confirmation; afterwards this browser is signed out. */
export function DeleteAccountCard({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAccount(onDeleted);
  return (
    <section className={styles.danger} aria-labelledby="delete-heading">
      <h2 id="delete-heading" className={styles.cardTitle}>
        Delete my account
      </h2>
      <p>
        Your name, email and phone are erased from your bookings, you are signed out everywhere, and your bookings no
        longer show here.
      </p>
      {remove.error ? <p className={styles.error}>{accountErrorWords(remove.error, "delete your account")}</p> : null}
      <div className={styles.actions}>
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          Delete my account
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete your account?"
        confirmLabel="Yes, delete my account"
        cancelLabel="Keep my account"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onError: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        This cannot be undone. Your bookings stay for the theatre's records, without your name or contact details.
      </ConfirmDialog>
    </section>
  );
}
