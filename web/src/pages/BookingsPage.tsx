import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { cancelOrder, type Order, type OrderStatus } from "../api/booking";
import { bookingKeys, orderListQuery } from "../api/bookingQueries";
import { hasIdentity } from "../api/identity";
import { ConfirmDialog } from "../components/booking/ConfirmDialog";
import { useAnnouncer } from "../components/booking/LiveRegion";
import { Notice } from "../components/booking/Notice";
import { TicketIcon } from "../components/Icons";
import { Pagination } from "../components/Pagination";
import { Poster } from "../components/Poster";
import { EmptyState, ErrorState } from "../components/StatusViews";
import { actionErrorWords } from "../lib/bookingNotices";
import { clearSession, readSession } from "../lib/bookingSession";
import { formatClock, useCountdown } from "../lib/countdown";
import { formatPrice, formatShowDateTime, formatStamp } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import styles from "./BookingsPage.module.css";

const STATUS_LABEL: Record<OrderStatus, string> = {
  CONFIRMED: "Confirmed",
  PAYMENT_PENDING: "Awaiting payment",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

export default function BookingsPage() {
  useDocumentTitle("My bookings");
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const known = hasIdentity();
  const orders = useQuery({ ...orderListQuery(page), enabled: known });
  const queryClient = useQueryClient();
  const [region, announce] = useAnnouncer();
  const [toCancel, setToCancel] = useState<Order | null>(null);

  const cancel = useMutation({
    mutationFn: (order: Order) => cancelOrder(order.orderId),
    onSuccess: (cancelled) => {
      setToCancel(null);
      const session = readSession(cancelled.show.id);
      if (session?.orderId === cancelled.orderId) clearSession(cancelled.show.id);
      queryClient.setQueryData(bookingKeys.order(cancelled.orderId), cancelled);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.orders });
      announce(`Booking for ${cancelled.show.movie.title} cancelled. Seats ${cancelled.seatIds.join(", ")} released.`);
    },
    onError: () => setToCancel(null),
  });

  const heading = (
    <div className={styles.head}>
      <h1 className={styles.title}>My bookings</h1>
      {orders.data && orders.data.total > 0 ? (
        <p className={styles.count}>
          {orders.data.total} {orders.data.total === 1 ? "booking" : "bookings"}
        </p>
      ) : null}
    </div>
  );

  const empty = (
    <EmptyState
      icon={<TicketIcon size={28} />}
      title="No bookings yet"
      description="When you book tickets on this device, they'll show up here."
    >
      <Link to="/" className="btn btn-primary">
        Browse movies
      </Link>
    </EmptyState>
  );

  if (!known) {
    return (
      <div className={`container ${styles.page}`}>
        {heading}
        {empty}
      </div>
    );
  }

  const failure = cancel.error ? actionErrorWords(cancel.error) : null;

  return (
    <div className={`container ${styles.page}`}>
      {region}
      {heading}
      {failure ? (
        <Notice tone={failure.tone} title={`We couldn't cancel that booking: ${failure.title}`}>
          {failure.text}
        </Notice>
      ) : null}
      {orders.isPending ? (
        <ul className={styles.list} aria-label="Loading bookings">
          {[0, 1, 2].map((i) => (
            <li key={i} className={`skeleton ${styles.skeleton}`} aria-hidden="true" />
          ))}
        </ul>
      ) : orders.isError ? (
        <ErrorState error={orders.error} what="your bookings" onRetry={() => void orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        empty
      ) : (
        <>
          <ul className={`${styles.list} ${orders.isPlaceholderData ? styles.stale : ""}`}>
            {orders.data.items.map((order) => (
              <li key={order.orderId}>
                <BookingCard order={order} onCancel={() => setToCancel(order)} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            totalPages={orders.data.totalPages}
            hrefOf={(p) => (p === 1 ? "/bookings" : `/bookings?page=${p}`)}
          />
        </>
      )}

      <ConfirmDialog
        open={toCancel !== null}
        title="Cancel this booking?"
        confirmLabel="Yes, cancel booking"
        cancelLabel="Keep booking"
        danger
        busy={cancel.isPending}
        onConfirm={() => toCancel && cancel.mutate(toCancel)}
        onClose={() => setToCancel(null)}
      >
        {toCancel ? (
          <>
            {toCancel.show.movie.title}, {formatShowDateTime(toCancel.show.startTime)} at {toCancel.show.theatre.name}.
            Seats {toCancel.seatIds.join(", ")} will be released for others to book.
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function BookingCard({ order, onCancel }: { order: Order; onCancel: () => void }) {
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
        <div className={styles.actions}>
          {order.status === "CONFIRMED" ? (
            <Link to={`/tickets/${order.orderId}`} className="btn btn-secondary">
              View ticket
            </Link>
          ) : null}
          {payable ? (
            <Link to={`/pay/${order.orderId}`} className="btn btn-primary">
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
