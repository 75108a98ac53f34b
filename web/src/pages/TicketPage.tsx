import { useEffect } from "react";
import { CheckCircleIcon, PinIcon, TicketIcon } from "../components/Icons";
import { Poster } from "../components/Poster";
import { EmptyState } from "../components/StatusViews";
import type { Order } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { OrderNotReady } from "../features/booking/components/OrderNotReady";
import { Receipt, RefundNote } from "../features/booking/components/Receipt";
import { useOrder } from "../features/booking/hooks/queries";
import { TicketPass } from "../features/tickets/components/TicketPass";
import { ticketPolicyNote } from "../lib/cancellation-words";
import { formatRuntime } from "../lib/format";
import { formatLongShowDay, formatPrice, formatShowTime, formatStamp } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { registerOfflineWorker } from "../lib/offline-worker";
import { Link, useParams } from "../router";
import styles from "./TicketPage.module.css";

export default function TicketPage() {
  const { orderId = "" } = useParams();
  const order = useOrder(orderId);
  useDocumentTitle(order.data?.ticketCode ? `Ticket ${order.data.ticketCode}` : "Your ticket");
  // Once seen, the ticket opens again without a network (at the cinema's door, in a basement).
  useEffect(registerOfflineWorker, []);

  if (!order.isSuccess) return <OrderNotReady order={order} what="your ticket" thing="ticket" />;

  const data = order.data;
  if (data.status !== "CONFIRMED" || !data.ticketCode) return <NoTicket order={data} />;
  return <Ticket order={data} code={data.ticketCode} />;
}

function Ticket({ order, code }: { order: Order; code: string }) {
  const { movie, theatre } = order.show;
  const meta = [movie.ageRating, movie.language, movie.format, formatRuntime(movie.durationMins)].filter(Boolean);
  return (
    <div className={`container ${styles.page}`}>
      <div data-print="hide">
        <BookingHeader step="ticket" title={null} lines={[]} />
      </div>
      <p className={styles.success} role="status" data-print="hide">
        <CheckCircleIcon size={20} />
        Booking confirmed. Your tickets are on their way to {order.customer.email}.
      </p>

      <article className={styles.ticket} aria-labelledby="ticket-title">
        <div className={styles.top}>
          <Poster src={movie.posterUrl} title={movie.title} className={styles.poster} eager />
          <div className={styles.movie}>
            <h1 id="ticket-title" className={styles.title}>
              {movie.title}
            </h1>
            {meta.length ? <p className={styles.meta}>{meta.join(" · ")}</p> : null}
            <p className={styles.theatre}>
              <PinIcon size={14} />
              <span>
                <strong>{theatre.name}</strong>
                {placeOf(theatre) ? <span className={styles.address}>{placeOf(theatre)}</span> : null}
              </span>
            </p>
          </div>
        </div>

        <dl className={styles.grid}>
          <div>
            <dt>Date</dt>
            <dd>{formatLongShowDay(order.show.startTime)}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd>
              {formatShowTime(order.show.startTime)} <span className={styles.zone}>IST</span>
            </dd>
          </div>
          <div>
            <dt>{order.seatIds.length === 1 ? "Seat" : `Seats (${order.seatIds.length})`}</dt>
            <dd className={styles.seats}>{order.seatIds.join(", ")}</dd>
          </div>
          <div>
            <dt>Amount paid</dt>
            <dd>{formatPrice(order.amount)}</dd>
          </div>
        </dl>
        <div className={styles.receipt}>
          <Receipt receipt={order.receipt} caption="What you paid for" />
        </div>

        <div className={styles.tear} aria-hidden="true" />

        <TicketPass
          orderId={order.orderId}
          code={code}
          title={movie.title}
          lines={[
            `${formatLongShowDay(order.show.startTime)}, ${formatShowTime(order.show.startTime)} IST`,
            theatre.name,
            `${order.seatIds.length === 1 ? "Seat" : "Seats"} ${order.seatIds.join(", ")}`,
          ]}
        />

        <p className={styles.footnote}>
          Booked by {order.customer.name}
          {order.confirmedAt ? ` on ${formatStamp(order.confirmedAt)}` : ""}.{" "}
          {/* The order's window (the theatre's cut-off and fee), re-checked against the clock: past
              the cut-off a ticket never reads as cancellable. */}
          {ticketPolicyNote(order, theatre.cancellationAvailable)}
        </p>
      </article>

      <div className={styles.actions} data-print="hide">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          <TicketIcon size={18} />
          Print ticket
        </button>
        <Link to="/bookings" className="btn btn-secondary">
          My bookings
        </Link>
        <Link to="/" className="btn btn-link">
          Book another movie
        </Link>
      </div>
    </div>
  );
}

/** The address, with the city added only when the address doesn't already say it. */
function placeOf({ address, city }: Order["show"]["theatre"]): string | null {
  if (address && city && !address.toLowerCase().includes(city.toLowerCase())) return `${address}, ${city}`;
  return address ?? city;
}

function NoTicket({ order }: { order: Order }) {
  if (order.status === "PAYMENT_PENDING") {
    return (
      <div className="container">
        <EmptyState
          title="This booking isn't paid yet"
          description="Your ticket appears here once the payment is made."
          action={{ to: `/orders/${order.orderId}/pay`, label: "Continue to payment" }}
        />
      </div>
    );
  }
  return (
    <div className={`container ${styles.page}`}>
      <EmptyState
        title={order.status === "CANCELLED" ? "This booking was cancelled" : "This booking expired before payment"}
        description={`Seats ${order.seatIds.join(", ")} were released.`}
        action={{ to: "/bookings", label: "My bookings" }}
      />
      {order.refund ? (
        <div className={styles.refund}>
          <RefundNote refund={order.refund} />
        </div>
      ) : null}
    </div>
  );
}
