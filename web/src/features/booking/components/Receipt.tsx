import { formatPrice, formatStamp } from "../../../lib/format-show";
import type { Order } from "../api/booking";
import { REFUND_STATUS_LABEL, type Refund, refundReasonWords, refundStatusWords } from "../lib/refund-words";
import styles from "./Receipt.module.css";

/** The order's itemised receipt (the API's, from the database): seats by category, the fee, the total. */
export function Receipt({ receipt, caption = "Receipt" }: { receipt: Order["receipt"]; caption?: string }) {
  const fee = Number(receipt.convenienceFee) > 0;
  return (
    <table className={styles.receipt} data-testid="receipt">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {receipt.lines.map((line) => (
          <tr key={`${line.category}-${line.unitPrice}`}>
            <th scope="row">
              <span className={styles.item}>
                {line.name} · {line.quantity} × {formatPrice(line.unitPrice)}
              </span>
              <span className={styles.seatIds}>{line.seatIds.join(", ")}</span>
            </th>
            <td>{formatPrice(line.amount)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">
            <span className={styles.item}>Convenience fee</span>
          </th>
          <td>{fee ? formatPrice(receipt.convenienceFee) : "None"}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className={styles.total}>{formatPrice(receipt.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A refund owed on an order: how much, its status, when it was asked for and last changed, why. */
export function RefundNote({ refund, withReason = true }: { refund: Refund; withReason?: boolean }) {
  return (
    <section className={styles.refund} data-refund={refund.status} aria-label="Refund">
      <p className={styles.refundHead}>
        <strong>{REFUND_STATUS_LABEL[refund.status]}</strong>
        <span className={styles.refundAmount}>{formatPrice(refund.amount)}</span>
      </p>
      {withReason ? <p>{refundReasonWords(refund.reason)}</p> : null}
      <p>{refundStatusWords(refund)}</p>
      <p className={styles.refundWhen}>
        Requested {formatStamp(refund.requestedAt)}
        {refund.updatedAt && refund.status !== "pending"
          ? ` · ${refund.status === "succeeded" ? "refunded" : "last tried"} ${formatStamp(refund.updatedAt)}`
          : ""}
      </p>
    </section>
  );
}
