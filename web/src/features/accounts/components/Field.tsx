import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import styles from "./Accounts.module.css";

interface FieldProps {
  label: string;
  error: string | undefined;
  hint?: string;
  type?: "text" | "email";
  autoComplete: string;
  inputMode?: "email" | "numeric" | "text";
  maxLength: number;
  /** Big, spaced digits: the emailed code. */
  code?: boolean;
  registration: UseFormRegisterReturn;
}

/** A labelled input with its hint and message, both tied to it for screen readers. */
export function Field({ label, error, hint, type = "text", code, registration, ...input }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={styles.field} data-invalid={error ? "" : undefined}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        {...registration}
        {...input}
        id={id}
        type={type}
        className={code ? styles.code : styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        required
      />
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
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
