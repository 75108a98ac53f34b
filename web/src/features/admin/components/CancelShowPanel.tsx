import { type CancelShowRequest, cancelShowRequest } from "@housefull/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { zodResolver } from "../../../lib/zod-resolver";
import { useCancelShow } from "../hooks/mutations";
import { useCancellation } from "../hooks/queries";
import { rupees } from "../lib/words";
import styles from "./Admin.module.css";
import { Field, FormError } from "./Field";

/**
 * Cancelling a show: a reason, a confirmation, then the job's progress live (asked every second
 * until it completes): orders handled, refunds and their amount, emails sent.
 */
export function CancelShowPanel({ showId, cancelled }: { showId: string; cancelled: boolean }) {
  const cancel = useCancelShow(showId);
  const { register, handleSubmit, formState } = useForm<CancelShowRequest>({
    resolver: zodResolver(cancelShowRequest),
    defaultValues: { reason: undefined },
  });
  const onSubmit = handleSubmit(({ reason }) => cancel.mutate(reason));
  const [confirming, setConfirming] = useState(false);
  const progress = useCancellation(showId, cancelled || cancel.isSuccess);
  const p = progress.data;
  const notStarted = progress.error instanceof ApiError && progress.error.code === "CANCELLATION_NOT_FOUND";
  return (
    <section className={styles.panel} aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel the show</h2>
      {!cancelled && !cancel.isSuccess ? (
        confirming ? (
          <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Cancel the show">
            <Field label="Reason (told to buyers)" error={formState.errors.reason?.message}>
              <input {...register("reason", { setValueAs: (v: string) => v.trim() || undefined })} maxLength={200} />
            </Field>
            <p>Every buyer is refunded in full and emailed. This cannot be undone.</p>
            <div className={styles.actions}>
              <button type="submit" className="btn btn-danger" disabled={cancel.isPending}>
                Yes, cancel and refund everyone
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>
                Keep the show
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
            Cancel show
          </button>
        )
      ) : null}
      <FormError error={cancel.error} />
      {notStarted ? <p className={styles.muted}>No cancellation job for this show.</p> : null}
      {p ? (
        <div role="status" aria-label="Cancellation progress" data-status={p.status}>
          <p>
            <strong>{p.status === "COMPLETED" ? "Cancellation complete" : "Cancelling…"}</strong>{" "}
            {p.orders.done + p.orders.failed} of {p.orders.total} orders handled
          </p>
          <progress max={Math.max(p.orders.total, 1)} value={p.orders.total ? p.orders.done + p.orders.failed : 1} />
          <ul className={styles.list}>
            <li>
              Refunds: {p.refunds.count} ({rupees(p.refunds.amount)}) — {p.refunds.succeeded} succeeded,{" "}
              {p.refunds.pending} pending, {p.refunds.failed} failed, {p.refunds.atCounter} at the counter
            </li>
            <li>Buyers emailed: {p.emailed}</li>
            {p.orders.failed ? <li className={styles.error}>{p.orders.failed} refunds need an operator</li> : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
