import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { orderKeys } from "../api/order-keys";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useAnnouncer } from "../components/LiveRegion";
import { Notice } from "../components/Notice";
import { EmptyState, ErrorState, PageLoading } from "../components/StatusViews";
import type { Order } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { Countdown } from "../features/booking/components/Countdown";
import { useCancelOrder, useConfirmPayment } from "../features/booking/hooks/mutations";
import { useOrder } from "../features/booking/hooks/queries";
import { actionErrorWords, type BookingNotice } from "../features/booking/lib/notices";
import { clearSession } from "../features/booking/lib/session";
import { formatPrice, formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { loadTicketPage } from "../routes";
import styles from "./PayPage.module.css";

export default function PayPage() {
  const { orderId = "" } = useParams();
  const order = useOrder(orderId);
  useDocumentTitle("Payment");

  if (order.isPending) return <PageLoading />;
  if (order.isError) {
    const gone = order.error instanceof ApiError && [400, 404].includes(order.error.status);
    return (
      <div className="container">
        {gone ? (
          <EmptyState title="We couldn't find this booking" description="It may belong to another device or browser.">
            <Link to="/bookings" className="btn btn-primary">
              My bookings
            </Link>
          </EmptyState>
        ) : (
          <ErrorState error={order.error} what="this booking" onRetry={() => void order.refetch()} />
        )}
      </div>
    );
  }

  const data = order.data;
  if (data.status === "CONFIRMED") return <Navigate to={`/tickets/${data.orderId}`} replace />;
  if (data.status !== "PAYMENT_PENDING") return <ClosedOrder order={data} />;
  return <Payment order={data} />;
}

function Payment({ order }: { order: Order }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [region, announce] = useAnnouncer();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const showId = order.show.id;
  // The ticket comes next: fetch its code while the visitor reads this page.
  useEffect(() => void loadTicketPage(), []);

  const backToSeats = useCallback(
    (notice: BookingNotice) => {
      clearSession(showId);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      navigate(`/shows/${showId}/seats`, { replace: true, state: { notice } });
    },
    [showId, navigate, queryClient],
  );

  const pay = useConfirmPayment();
  const cancel = useCancelOrder();

  function onPay() {
    pay.mutate(order.orderId, {
      onSuccess: (confirmed) => navigate(`/tickets/${confirmed.orderId}`, { replace: true }),
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.status === 410) backToSeats({ kind: "order-expired" });
        else if (error.code === "ORDER_CANCELLED") void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      },
    });
  }

  function onCancel() {
    cancel.mutate(order.orderId, {
      onSuccess: () => backToSeats({ kind: "order-cancelled" }),
      onSettled: () => setConfirmCancel(false),
    });
  }

  const failure = pay.error && !(pay.error instanceof ApiError && pay.error.status === 410) ? pay.error : cancel.error;
  const words = failure
    ? failure instanceof ApiError && failure.code === "PAYMENT_DECLINED"
      ? {
          tone: "error" as const,
          title: "The payment was declined",
          text: `${failure.message}. No money moved; you can try again.`,
        }
      : actionErrorWords(failure)
    : null;

  return (
    <div className={`container ${styles.page}`}>
      {region}
      <BookingHeader
        step="payment"
        title={order.show.movie.title}
        posterUrl={order.show.movie.posterUrl}
        lines={[
          [order.show.theatre.name, order.show.theatre.city].filter(Boolean).join(", "),
          formatShowDateTime(order.show.startTime),
        ]}
        aside={
          <Countdown
            expiresAt={order.expiresAt}
            label="Complete payment in"
            onExpire={() => backToSeats({ kind: "order-expired" })}
            announce={announce}
            warningContext="to pay before your seats are released"
          />
        }
      />

      <div className={styles.layout}>
        <section className={styles.card} aria-labelledby="pay-heading">
          <p className={styles.testBadge}>Test payment — no money moves</p>
          <h2 id="pay-heading" className={styles.title}>
            Pay for your tickets
          </h2>
          <p className={styles.explain}>
            This is a simulated payment for trying housefull out. No card is charged and no money moves: pressing the
            button below confirms the booking as if the payment had gone through.
          </p>

          <div className={styles.fakeCard} aria-hidden="true">
            <span className={styles.chip} />
            <span className={styles.cardNumber}>4242 4242 4242 4242</span>
            <span className={styles.cardMeta}>
              <span>TEST CARD</span>
              <span>12/34</span>
            </span>
          </div>

          {words ? (
            <Notice tone={words.tone} title={words.title}>
              {words.text}
            </Notice>
          ) : null}

          <button
            type="button"
            className={`btn btn-primary ${styles.pay}`}
            onClick={onPay}
            disabled={pay.isPending || cancel.isPending}
          >
            {pay.isPending ? "Confirming payment…" : `Pay ${formatPrice(order.amount)}`}
          </button>
          <button
            type="button"
            className={`btn btn-link ${styles.cancel}`}
            onClick={() => setConfirmCancel(true)}
            disabled={pay.isPending || cancel.isPending}
          >
            Cancel booking and release seats
          </button>
        </section>

        <aside className={styles.card} aria-labelledby="order-heading">
          <h2 id="order-heading" className={styles.subtitle}>
            Your booking
          </h2>
          <dl className={styles.facts}>
            <div>
              <dt>Seats</dt>
              <dd>
                {order.seatIds.length} × <span className={styles.seats}>{order.seatIds.join(", ")}</span>
              </dd>
            </div>
            <div>
              <dt>Name</dt>
              <dd>{order.customer.name}</dd>
            </div>
            <div>
              <dt>Tickets to</dt>
              <dd className={styles.wrap}>{order.customer.email}</dd>
            </div>
            <div className={styles.totalRow}>
              <dt>Total</dt>
              <dd>{formatPrice(order.amount)}</dd>
            </div>
          </dl>
        </aside>
      </div>

      <ConfirmDialog
        open={confirmCancel}
        title="Cancel this booking?"
        confirmLabel="Cancel booking"
        cancelLabel="Keep booking"
        danger
        busy={cancel.isPending}
        onConfirm={onCancel}
        onClose={() => setConfirmCancel(false)}
      >
        Seats {order.seatIds.join(", ")} will be released for others to book. Nothing has been charged.
      </ConfirmDialog>
    </div>
  );
}

/** An order that can no longer be paid: say why, and where to go. */
function ClosedOrder({ order }: { order: Order }) {
  const expired = order.status === "EXPIRED";
  return (
    <div className="container">
      <EmptyState
        title={expired ? "Time ran out for this payment" : "This booking was cancelled"}
        description={
          expired
            ? `Seats ${order.seatIds.join(", ")} were released and nothing was charged. You can pick seats again if the show still has them.`
            : `Seats ${order.seatIds.join(", ")} were released.`
        }
      >
        <Link to={`/shows/${order.show.id}/seats`} className="btn btn-primary">
          Choose seats again
        </Link>
        <Link to="/bookings" className="btn btn-secondary">
          My bookings
        </Link>
      </EmptyState>
    </div>
  );
}
