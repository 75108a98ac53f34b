import { cloneElement, type FormEventHandler, type ReactElement, type ReactNode, useId } from "react";
import styles from "./Admin.module.css";

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** The input, select or textarea (given its id and ARIA ties here). */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled back-office input with its hint and its message, tied to it for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={styles.field} data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className={styles.muted}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An API failure in words, for the form it came from. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <p role="alert" className={styles.formError}>
      {message}
    </p>
  );
}

/** A back-office form's end: the API's failure, what was saved, the submit button (and any others after it). */
export function FormEnd(props: {
  error: unknown;
  saved?: ReactNode;
  busy: boolean;
  submit: string;
  children?: ReactNode;
}) {
  return (
    <>
      <FormError error={props.error} />
      {props.saved ? (
        <p role="status" className={styles.ok}>
          {props.saved}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={props.busy}>
          {props.submit}
        </button>
        {props.children}
      </div>
    </>
  );
}

/** A back-office form: checked by its zod schema (react-hook-form), not by the browser's own bubbles. */
export function AdminForm(props: { label: string; onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <form className={styles.form} onSubmit={props.onSubmit} noValidate aria-label={props.label}>
      {props.children}
    </form>
  );
}
