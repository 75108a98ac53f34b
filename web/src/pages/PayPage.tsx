import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { ApiError } from "../api/client";
import { orderKeys } from "../api/order-keys";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useAnnouncer } from "../components/LiveRegion";
import { Notice } from "../components/Notice";
import { EmptyState } from "../components/StatusViews";
import type { Order } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { CancellationPolicy } from "../features/booking/components/CancellationPolicy";
import { Countdown, CountdownDock } from "../features/booking/components/Countdown";
import { OrderNotReady } from "../features/booking/components/OrderNotReady";
import { RebookLinks } from "../features/booking/components/RebookLinks";
import { Receipt, RefundNote } from "../features/booking/components/Receipt";
import { useCancelOrder, useStartPayment } from "../features/booking/hooks/mutations";
import { useOrder } from "../features/booking/hooks/queries";
import { actionErrorWords, type BookingNotice, type NoticeWords } from "../features/booking/lib/notices";
import { checkoutStartedFor, clearSession } from "../features/booking/lib/session";
import { formatPrice, formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { Navigate, useNavigate, useParams } from "../router";
import { NotFoundPage } from "./NotFoundPage";
import PaidPage from "./PaidPage";
import styles from "./PayPage.module.css";

/**
 * An order's payment step: `/orders/{id}/pay` (also where the provider's cancel link returns) and
 * `/orders/{id}/paid` (its success URL, "issuing your ticket…"), one chunk for both.
 */
export default function PaymentStep() {
  const { step } = useParams();
  if (step === "paid") return <PaidPage />;
  if (step !== "pay") return <NotFoundPage />;
  return <PayPage />;
}

function PayPage() {
  const { orderId = "" } = useParams();
  const order = useOrder(orderId);
  useDocumentTitle("Payment");

  if (!order.isSuccess) return <OrderNotReady order={order} what="this booking" thing="booking" />;

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
  // Back from the provider's page without paying (its cancel link, or Back): say the seats still wait.
  const [returned] = useState(() => checkoutStartedFor(order.orderId));
  const showId = order.show.id;

  const backToSeats = useCallback(
    (notice: BookingNotice) => {
      clearSession(showId);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      navigate(`/shows/${showId}/seats`, { replace: true, state: { notice } });
    },
    [showId, navigate, queryClient],
  );

  const pay = useStartPayment();
  const cancel = useCancelOrder();

  function onPay() {
    pay.mutate(order.orderId, {
      // The provider's page is another site: a full navigation, and Back returns here.
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 410) backToSeats({ kind: "order-expired" });
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
  const words = failure ? payErrorWords(failure) : null;
  const leaving = pay.isPending || pay.isSuccess;

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
      />
      <CountdownDock>
        <Countdown
          expiresAt={order.expiresAt}
          label="Complete payment in"
          onExpire={() => backToSeats({ kind: "order-expired" })}
          announce={announce}
          warningContext="to pay before your seats are released"
        />
      </CountdownDock>

      <div className={styles.layout}>
        <section className={styles.card} aria-labelledby="pay-heading">
          <h2 id="pay-heading" className={styles.title}>
            Pay for your tickets
          </h2>
          <p className={styles.explain}>
            You'll pay on our payment provider's secure checkout page, then come straight back here for your ticket.
            Your seats are reserved for you until the timer runs out.
          </p>

          {returned && !words ? (
            <Notice tone="info" title="The payment wasn't completed">
              No money moved. Your seats are still reserved until the timer runs out: you can pay now.
            </Notice>
          ) : null}
          {words ? (
            <Notice tone={words.tone} title={words.title}>
              {words.text}
            </Notice>
          ) : null}

          <button
            type="button"
            className={`btn btn-primary ${styles.pay}`}
            onClick={onPay}
            disabled={leaving || cancel.isPending}
          >
            {leaving ? "Taking you to payment…" : `Pay ${formatPrice(order.amount)}`}
          </button>
          <button
            type="button"
            className={`btn btn-link ${styles.cancel}`}
            onClick={() => setConfirmCancel(true)}
            disabled={leaving || cancel.isPending}
          >
            Cancel booking and release seats
          </button>
        </section>

        <aside className={styles.card} aria-labelledby="order-heading">
          <h2 id="order-heading" className={styles.subtitle}>
            Your booking
          </h2>
          <Receipt receipt={order.receipt} caption="What you pay for" />
          <dl className={styles.facts}>
            <div>
              <dt>Name</dt>
              <dd>{order.customer.name}</dd>
            </div>
            <div>
              <dt>Tickets to</dt>
              <dd className={styles.wrap}>{order.customer.email}</dd>
            </div>
            <div>
              <dt>Cancellation</dt>
              <dd>
                {/* The order's terms once paid (the theatre's cut-off and fee), before paying. */}
                <CancellationPolicy
                  window={order.cancellation}
                  theatreAllows={order.show.theatre.cancellationAvailable}
                />
              </dd>
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

/** A failed pay or cancel, in words; the provider not answering is said as such. */
function payErrorWords(error: unknown): NoticeWords {
  if (error instanceof ApiError && error.code === "PAYMENT_PROVIDER_UNAVAILABLE") {
    return {
      tone: "error",
      title: "The payment provider isn't answering",
      text: "Nothing was charged. Please try again in a moment.",
    };
  }
  return actionErrorWords(error);
}

/** An order that can no longer be paid: say why, and where to go. */
function ClosedOrder({ order }: { order: Order }) {
  const expired = order.status === "EXPIRED";
  return (
    <div className="container">
      <EmptyState
        title={expired ? "Time ran out for this payment" : "This booking was cancelled"}
        description={
          expired && !order.refund
            ? `Seats ${order.seatIds.join(", ")} were released and nothing was charged. You can pick seats again if the show still has them.`
            : `Seats ${order.seatIds.join(", ")} were released.`
        }
      >
        {order.refund ? <RefundNote refund={order.refund} /> : null}
        <RebookLinks showId={order.show.id} />
      </EmptyState>
    </div>
  );
}
