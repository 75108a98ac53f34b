import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { ApiError } from "../api/client";
import { useAnnouncer } from "../components/LiveRegion";
import { Notice } from "../components/Notice";
import { EmptyState, ErrorState, PageLoading } from "../components/StatusViews";
import { bookingKeys } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import styles from "../features/booking/components/Checkout.module.css";
import { Countdown, CountdownDock, CountdownPlaceholder } from "../features/booking/components/Countdown";
import { CustomerForm } from "../features/booking/components/CustomerForm";
import { OrderSummary } from "../features/booking/components/OrderSummary";
import { useHold, useOrder } from "../features/booking/hooks/queries";
import type { BookingNotice } from "../features/booking/lib/notices";
import { clearSession, orderOfHold, readSession } from "../features/booking/lib/session";
import { useShow } from "../features/catalog/hooks/use-show";
import { formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "../router";
import { loadPayPage } from "../routes";

const isGone = (error: unknown): error is ApiError => error instanceof ApiError && [404, 410].includes(error.status);

export default function CheckoutPage() {
  const { holdId = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hold = useHold(holdId);
  // The hold names its show; until it has answered (or when it is gone), the link from the map does.
  const showId = hold.data?.showId ?? params.get("show") ?? undefined;
  const show = useShow(showId);
  const [region, announce] = useAnnouncer();
  useDocumentTitle("Checkout");
  // The order this hold already became, if this browser knows it (Back from payment or the ticket).
  const session = showId ? readSession(showId) : undefined;
  const orderedAlready =
    (session?.holdId === holdId ? session.orderId : undefined) ??
    (hold.data?.status === "ORDERED" ? orderOfHold(holdId) : undefined);
  const knownOrder = useOrder(orderedAlready);
  // The payment page comes next: fetch its code while the form is being filled.
  useEffect(() => void loadPayPage(), []);

  const backToSeats = useCallback(
    (notice: BookingNotice) => {
      if (!showId) return;
      clearSession(showId, holdId);
      queryClient.removeQueries({ queryKey: bookingKeys.hold(holdId) });
      navigate(`/shows/${showId}/seats`, { replace: true, state: { notice } });
    },
    [showId, holdId, navigate, queryClient],
  );

  // An expired or vanished hold sends the user back to the map, with words; a hold that already
  // became an order (Back from the ticket, an old link) goes to that order instead.
  useEffect(() => {
    if (!isGone(hold.error)) return;
    const orderId = orderOfHold(holdId);
    if (orderId) navigate(`/orders/${orderId}/pay`, { replace: true });
    else backToSeats({ kind: hold.error.status === 410 ? "hold-expired" : "hold-missing" });
  }, [hold.error, holdId, navigate, backToSeats]);

  if (hold.isError) {
    if (isGone(hold.error) && (showId || orderOfHold(holdId))) return <PageLoading />;
    return (
      <div className="container">
        <ErrorState error={hold.error} what="your seats" onRetry={() => void hold.refetch()}>
          <Link to={showId ? `/shows/${showId}/seats` : "/"} className="btn btn-secondary">
            {showId ? "Back to seats" : "Browse movies"}
          </Link>
        </ErrorState>
      </div>
    );
  }

  if (knownOrder.data?.status === "CONFIRMED") {
    return <Navigate to={`/tickets/${knownOrder.data.orderId}`} replace />;
  }
  if (knownOrder.data && knownOrder.data.status !== "PAYMENT_PENDING") {
    return (
      <div className="container">
        <EmptyState
          title="This booking has ended"
          description={
            knownOrder.data.status === "EXPIRED"
              ? "Time ran out before the payment, so the seats were released. Nothing was charged."
              : "It was cancelled and its seats were released."
          }
          action={{ to: `/shows/${showId}/seats`, label: "Choose seats again" }}
        />
      </div>
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      {region}
      <BookingHeader
        step="details"
        back={showId ? { to: `/shows/${showId}/seats`, label: "Change seats" } : undefined}
        title={show.data?.movie.title}
        posterUrl={show.data?.movie.posterUrl}
        lines={
          show.data
            ? [
                [show.data.theatre.name, show.data.theatre.city].filter(Boolean).join(", "),
                formatShowDateTime(show.data.startTime),
              ]
            : []
        }
      />
      <CountdownDock>
        {hold.data && hold.data.status === "HELD" ? (
          <Countdown
            expiresAt={hold.data.expiresAt}
            label="Seats held for"
            onExpire={() => backToSeats({ kind: "hold-expired", seats: hold.data?.seatIds })}
            announce={announce}
          />
        ) : (
          <CountdownPlaceholder />
        )}
      </CountdownDock>

      {orderedAlready ? (
        <Notice
          tone="info"
          title="You've already placed this order"
          actions={
            <Link to={`/orders/${orderedAlready}/pay`} className="btn btn-primary">
              Continue to payment
            </Link>
          }
        >
          Your seats are reserved while you pay.
        </Notice>
      ) : null}

      <div className={styles.layout}>
        <OrderSummary hold={hold.data} show={show.data} />
        {hold.data ? (
          <CustomerForm
            hold={hold.data}
            onOrdered={(order) => navigate(`/orders/${order.orderId}/pay`)}
            onHoldLost={backToSeats}
          />
        ) : (
          <div className={`skeleton ${styles.formSkeleton}`} aria-hidden="true" />
        )}
      </div>
    </div>
  );
}
