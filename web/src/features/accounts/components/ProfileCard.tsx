import { useForm } from "react-hook-form";
import { TextField } from "../../../components/TextField";
import { zodResolver } from "../../../lib/zod-resolver";
import type { Account } from "../api/accounts";
import { useRenameAccount } from "../hooks/use-account-actions";
import { type NameForm, nameForm } from "../lib/schemas";
import { accountErrorWords } from "../lib/words";
import styles from "./Accounts.module.css";

/** Name (editable; checkout pre-fills it) and email (the sign-in address, not editable here). */
export function ProfileCard({ account }: { account: Account }) {
  const rename = useRenameAccount();
  const { register, handleSubmit, formState, reset } = useForm<NameForm>({
    resolver: zodResolver(nameForm),
    defaultValues: { name: account.name ?? "" },
  });
  const onSubmit = handleSubmit(({ name }) =>
    rename.mutate(name, { onSuccess: (saved) => reset({ name: saved.name ?? "" }) }),
  );
  return (
    <section className={styles.card} aria-labelledby="profile-heading">
      <h2 id="profile-heading" className={styles.cardTitle}>
        Your details
      </h2>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField
          kind="name"
          label="Name"
          hint="On your bookings and tickets."
          error={formState.errors.name?.message}
          registration={register("name")}
        />
        {rename.error ? <p className={styles.error}>{accountErrorWords(rename.error, "save your name")}</p> : null}
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={rename.isPending || !formState.isDirty}>
            {rename.isPending ? "Saving…" : "Save name"}
          </button>
          {rename.isSuccess && !formState.isDirty ? <span role="status">Saved.</span> : null}
        </div>
      </form>
      <div>
        <p className={styles.label}>Email</p>
        <p className={styles.readOnly}>{account.email}</p>
      </div>
    </section>
  );
}
