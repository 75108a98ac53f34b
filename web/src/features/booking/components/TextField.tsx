import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import styles from "./Checkout.module.css";

interface TextFieldProps {
  label: string;
  error: string | undefined;
  type?: "text" | "email" | "tel";
  autoComplete: string;
  inputMode?: "email" | "tel" | "text";
  hint?: string;
  maxLength: number;
  /** react-hook-form's name, ref and handlers for the input. */
  registration: UseFormRegisterReturn;
}

/** A labelled input with its hint and its message, both tied to it for screen readers. */
export function TextField({
  label,
  error,
  type = "text",
  autoComplete,
  inputMode,
  hint,
  maxLength,
  registration,
}: TextFieldProps) {
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
        id={id}
        className={styles.input}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required
        maxLength={maxLength}
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
