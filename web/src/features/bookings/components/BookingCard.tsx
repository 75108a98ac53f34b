import { Poster } from "../../../components/Poster";
import { formatClock, useCountdown } from "../../../lib/countdown";
import { formatPrice, formatShowDateTime, formatStamp } from "../../../lib/format-show";
import { Link } from "../../../router";
import { Receipt, RefundNote } from "../../booking/components/Receipt";

import type { ListedOrder } from "../api/orders";
import styles from "./BookingCard.module.css";

type OrderStatus = ListedOrder["status"];

const STATUS_LABEL: Record<OrderStatus, string> = {
  CONFIRMED: "Confirmed",
  PAYMENT_PENDING: "Awaiting payment",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

/** One booking: its status (a pending one turns expired when its clock runs out), ticket code, actions. */
export function BookingCard({ order, onCancel }: { order: ListedOrder; onCancel: () => void }) {
  const { movie, theatre } = order.show;
  const pending = order.status === "PAYMENT_PENDING";
  const secondsLeft = useCountdown(pending ? order.expiresAt : undefined);
  const payable = pending && secondsLeft !== null && secondsLeft > 0;
  const status: OrderStatus = pending && !payable ? "EXPIRED" : order.status;
  return (
    <article className={styles.card} data-status={status} aria-labelledby={`booking-${order.orderId}`}>
      <Poster src={movie.posterUrl} title={movie.title} className={styles.poster} />
      <div className={styles.body}>
        <div className={styles.cardTop}>
          <h2 id={`booking-${order.orderId}`} className={styles.movie}>
            {movie.title}
          </h2>
          <span className={styles.badge} data-status={status}>
            {STATUS_LABEL[status]}
          </span>
        </div>
        {order.refund ? <RefundNote refund={order.refund} /> : null}
        <p className={styles.line}>{formatShowDateTime(order.show.startTime)}</p>
        <p className={styles.line}>{[theatre.name, theatre.city].filter(Boolean).join(", ")}</p>
        <p className={styles.line}>
          {order.seatIds.length === 1 ? "Seat" : "Seats"} {order.seatIds.join(", ")} · {formatPrice(order.amount)}
        </p>
        {order.ticketCode ? (
          <p className={styles.code}>
            Ticket code <strong>{order.ticketCode}</strong>
          </p>
        ) : null}
        <p className={styles.stamp}>Booked {formatStamp(order.createdAt)}</p>
        <details className={styles.receipt}>
          <summary>Receipt</summary>
          <Receipt receipt={order.receipt} />
        </details>
        <div className={styles.actions}>
          {order.status === "CONFIRMED" ? (
            <Link to={`/tickets/${order.orderId}`} className="btn btn-secondary">
              View ticket
            </Link>
          ) : null}
          {payable ? (
            <Link to={`/orders/${order.orderId}/pay`} className="btn btn-primary">
              Pay now · {formatClock(secondsLeft)} left
            </Link>
          ) : null}
          {order.cancellable && (order.status === "CONFIRMED" || payable) ? (
            <button type="button" className="btn btn-link" onClick={onCancel}>
              Cancel booking
            </button>
          ) : null}
        </div>
      </div>
    </article>
  );
}
