import { useEffect } from "react";
import { Notice } from "../components/Notice";
import { LoadFailed } from "../components/StatusViews";
import type { Order } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { RebookLinks } from "../features/booking/components/RebookLinks";
import { RefundNote } from "../features/booking/components/Receipt";
import { useOrderAfterPayment } from "../features/booking/hooks/use-order-after-payment";
import { missingOrder } from "../features/booking/lib/missing-order";
import { useDoneShopping } from "../features/onsale/hooks/use-done-shopping";
import { formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { Link, Navigate, useParams } from "../router";
import { loadTicketPage } from "../routes";
import styles from "./PaidPage.module.css";

/**
 * Where the payment provider sends the visitor after paying (Stripe's success URL). The money is
 * the provider's word; the ticket is the webhook's: wait for it, then show the ticket, or say
 * plainly that the money is going back (it came too late, or the booking had ended).
 */
export default function PaidPage() {
  const { orderId = "" } = useParams();
  const { order, slow, checkAgain } = useOrderAfterPayment(orderId);
  useDocumentTitle("Issuing your ticket");
  useEffect(() => void loadTicketPage(), []);
  useDoneShopping(order.data?.show.id, order.data?.status === "CONFIRMED");

  if (order.isError && !order.data) {
    return (
      <LoadFailed error={order.error} what="your booking" missing={missingOrder("booking")} onRetry={checkAgain} />
    );
  }

  const data = order.data;
  if (data?.status === "CONFIRMED") return <Navigate to={`/tickets/${data.orderId}`} replace />;
  if (data?.refund) return <Refunded order={data} refund={data.refund} />;
  return (
    <div className={`container ${styles.page}`}>
      <BookingHeader
        step="ticket"
        title={data ? data.show.movie.title : undefined}
        posterUrl={data?.show.movie.posterUrl}
        lines={data ? [data.show.theatre.name, formatShowDateTime(data.show.startTime)] : []}
      />
      <section className={styles.card} role="status" aria-live="polite" aria-labelledby="paid-heading">
        <span className={styles.spinner} aria-hidden="true" />
        <h1 id="paid-heading" className={styles.title}>
          Payment received — issuing your ticket…
        </h1>
        <p className={styles.text}>
          This usually takes a few seconds. Your ticket opens here by itself
          {data?.customer.email ? `, and is emailed to ${data.customer.email}` : ""}.
        </p>
      </section>
      {slow ? (
        <Notice
          tone="warning"
          title="This is taking longer than usual"
          actions={
            <>
              <button type="button" className="btn btn-primary" onClick={checkAgain}>
                Check again
              </button>
              <Link to="/bookings" className="btn btn-secondary">
                My bookings
              </Link>
            </>
          }
        >
          The payment provider hasn't confirmed your payment to us yet. Nothing is lost: your ticket appears in My
          bookings as soon as it is issued, and if it can't be, the money comes back to you in full.
        </Notice>
      ) : null}
    </div>
  );
}

/** Money that arrived when the booking could no longer be filled: it goes back, in full. */
function Refunded({ order, refund }: { order: Order; refund: NonNullable<Order["refund"]> }) {
  return (
    <div className={`container ${styles.page}`}>
      <section className={styles.card} aria-labelledby="refund-heading">
        <h1 id="refund-heading" className={styles.title}>
          {order.status === "CANCELLED" ? "This booking was cancelled" : "Your payment came too late for these seats"}
        </h1>
        <p className={styles.text}>
          No ticket was issued for seats {order.seatIds.join(", ")}, so we are refunding your payment in full.
        </p>
        <RefundNote refund={refund} />
        <div className={styles.actions}>
          <RebookLinks showId={order.show.id} />
        </div>
      </section>
    </div>
  );
}
