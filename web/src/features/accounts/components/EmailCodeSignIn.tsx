import { useState } from "react";
import { useForm } from "react-hook-form";
import { Notice } from "../../../components/Notice";
import { TextField } from "../../../components/TextField";
import { zodResolver } from "../../../lib/zod-resolver";
import { useSendEmailCode, useVerifyEmailCode } from "../hooks/use-account-actions";
import { type CodeForm, codeForm, type EmailForm, emailForm } from "../lib/schemas";
import { accountErrorWords } from "../lib/words";
import styles from "./Accounts.module.css";

/** "Email me a code": the address, then the 6 digits from the email (the page moves on once signed in). */
export function EmailCodeSignIn() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  return sentTo ? <CodeStep email={sentTo} onChangeEmail={() => setSentTo(null)} /> : <EmailStep onSent={setSentTo} />;
}

function EmailStep({ onSent }: { onSent: (email: string) => void }) {
  const send = useSendEmailCode();
  const { register, handleSubmit, formState } = useForm<EmailForm>({
    resolver: zodResolver(emailForm),
    defaultValues: { email: "" },
  });
  const onSubmit = handleSubmit(({ email }) => send.mutate(email, { onSuccess: () => onSent(email) }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="email-code-heading">
      <h2 id="email-code-heading" className={styles.cardTitle}>
        Email me a code
      </h2>
      <TextField
        kind="email"
        label="Email"
        hint="We'll send a 6-digit code. No password needed."
        error={formState.errors.email?.message}
        registration={register("email")}
      />
      {send.error ? (
        <Notice tone="error" title="We couldn't send a code">
          {accountErrorWords(send.error, "send a code")}
        </Notice>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={send.isPending}>
          {send.isPending ? "Sending…" : "Email me a code"}
        </button>
      </div>
    </form>
  );
}

function CodeStep({ email, onChangeEmail }: { email: string; onChangeEmail: () => void }) {
  const verify = useVerifyEmailCode();
  const resend = useSendEmailCode();
  const { register, handleSubmit, formState, setFocus } = useForm<CodeForm>({
    resolver: zodResolver(codeForm),
    defaultValues: { code: "" },
  });
  const onSubmit = handleSubmit(({ code }) => verify.mutate({ email, code }, { onError: () => setFocus("code") }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="code-heading">
      <h2 id="code-heading" className={styles.cardTitle}>
        Enter your code
      </h2>
      <p role="status">
        We sent a 6-digit code to <strong className={styles.readOnly}>{email}</strong>. It works for 10 minutes.
      </p>
      <TextField
        kind="code"
        label="6-digit code"
        error={formState.errors.code?.message}
        registration={register("code")}
      />
      {verify.error ? (
        <Notice tone="error" title="That didn't sign you in">
          {accountErrorWords(verify.error, "sign you in")}
        </Notice>
      ) : null}
      {resend.isSuccess ? <p className={styles.hint}>A new code is on its way.</p> : null}
      {resend.error ? <p className={styles.error}>{accountErrorWords(resend.error, "send a new code")}</p> : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={verify.isPending}>
          {verify.isPending ? "Signing in…" : "Sign in"}
        </button>
        <button type="button" className="btn btn-link" disabled={resend.isPending} onClick={() => resend.mutate(email)}>
          Send a new code
        </button>
        <button type="button" className="btn btn-link" onClick={onChangeEmail}>
          Use a different email
        </button>
      </div>
    </form>
  );
}
