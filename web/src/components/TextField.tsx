import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import styles from "./TextField.module.css";

/**
 * What each kind of input is to the browser: its type, what autofill offers, which keyboard a phone
 * shows, and the longest value (the API's own limit). A code is drawn as big, spaced digits.
 */
const KINDS = {
  name: { type: "text", autoComplete: "name", maxLength: 100 },
  email: { type: "email", autoComplete: "email", inputMode: "email", maxLength: 254 },
  phone: { type: "tel", autoComplete: "tel", inputMode: "tel", maxLength: 100 },
  code: { type: "text", autoComplete: "one-time-code", inputMode: "numeric", maxLength: 12 },
} as const;

interface TextFieldProps {
  kind: keyof typeof KINDS;
  label: string;
  error: string | undefined;
  hint?: string;
  /** react-hook-form's name, ref and handlers for the input. */
  registration: UseFormRegisterReturn;
}

/** A labelled input with its hint and its message, both tied to it for screen readers. */
export function TextField({ kind, label, error, hint, registration }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field} data-invalid={error ? "" : undefined}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        {...registration}
        {...KINDS[kind]}
        id={id}
        className={kind === "code" ? styles.code : styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required
      />
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
