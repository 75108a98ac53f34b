import type { ReactNode } from "react";
import { CheckCircleIcon, CloseIcon, InfoIcon } from "./Icons";
import styles from "./Notice.module.css";

export type NoticeTone = "info" | "success" | "warning" | "error";

interface NoticeProps {
  tone: NoticeTone;
  title: string;
  children?: ReactNode;
  /** Buttons or links: what to do about it. */
  actions?: ReactNode;
  onDismiss?: () => void;
}

/**
 * A message in the page, in words: what happened and what to do next. Errors and warnings are
 * alerts (read out at once); info and success are polite.
 */
export function Notice({ tone, title, children, actions, onDismiss }: NoticeProps) {
  const loud = tone === "error" || tone === "warning";
  return (
    <div className={styles.notice} data-tone={tone} role={loud ? "alert" : "status"}>
      <span className={styles.icon}>{tone === "success" ? <CheckCircleIcon size={20} /> : <InfoIcon size={20} />}</span>
      <div className={styles.body}>
        <p className={styles.title}>{title}</p>
        {children ? <div className={styles.text}>{children}</div> : null}
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </div>
      {onDismiss ? (
        <button type="button" className={styles.dismiss} onClick={onDismiss} aria-label="Dismiss message">
          <CloseIcon size={16} />
        </button>
      ) : null}
    </div>
  );
}
