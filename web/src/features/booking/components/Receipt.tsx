import { formatPrice, formatStamp } from "../../../lib/format-show";
import type { Order } from "../api/booking";
import { REFUND_STATUS_LABEL, type Refund, refundReasonWords, refundStatusWords } from "../lib/refund-words";
import { PriceTable } from "./PriceTable";
import styles from "./Receipt.module.css";

/** The order's itemised receipt (the API's, from the database): seats by category, the fee, the total. */
export function Receipt({ receipt, caption = "Receipt" }: { receipt: Order["receipt"]; caption?: string }) {
  const fee = Number(receipt.convenienceFee) > 0;
  return (
    <PriceTable
      caption={caption}
      columns={["Item", "Amount"]}
      lines={receipt.lines.map((line) => ({ key: `${line.category}-${line.unitPrice}`, ...line }))}
      extras={[{ name: "Convenience fee", amount: fee ? formatPrice(receipt.convenienceFee) : "None" }]}
      total={receipt.total}
      testId="receipt"
    />
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
