import { useState } from "react";
import { hasIdentity } from "../api/identity";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { TicketIcon } from "../components/Icons";
import { useAnnouncer } from "../components/LiveRegion";
import { Notice } from "../components/Notice";
import { Pagination } from "../components/Pagination";
import { EmptyState, ErrorState } from "../components/StatusViews";
import { useSession } from "../features/accounts/hooks/use-session";
import { useCancelOrder } from "../features/booking/hooks/mutations";
import { actionErrorWords } from "../features/booking/lib/notices";
import type { ListedOrder } from "../features/bookings/api/orders";
import { BookingSections } from "../features/bookings/components/BookingSections";
import { useOrderList } from "../features/bookings/hooks/use-order-list";
import { formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { useSearchParams } from "../router";
import styles from "./BookingsPage.module.css";

export default function BookingsPage() {
  useDocumentTitle("My bookings");
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  // A signed-in person's bookings follow them to this device; a guest's are where they booked.
  const session = useSession();
  const known = hasIdentity() || session?.signedIn === true;
  const orders = useOrderList(page, known);
  const [region, announce] = useAnnouncer();
  const [toCancel, setToCancel] = useState<ListedOrder | null>(null);
  const cancel = useCancelOrder();

  function onConfirmCancel(order: ListedOrder) {
    cancel.mutate(order.orderId, {
      onSuccess: (cancelled) =>
        announce(
          `Booking for ${cancelled.show.movie.title} cancelled. Seats ${cancelled.seatIds.join(", ")} released.`,
        ),
      onSettled: () => setToCancel(null),
    });
  }

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
      action={{ to: "/", label: "Browse movies" }}
    />
  );

  if (!known) {
    return (
      <div className={`container ${styles.page}`}>
        {heading}
        {/* Not "no bookings" before the session answer: a signed-in person may have some. */}
        {session === null ? null : empty}
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
          <BookingSections orders={orders.data.items} stale={orders.isPlaceholderData} onCancel={setToCancel} />
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
        onConfirm={() => toCancel && onConfirmCancel(toCancel)}
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
