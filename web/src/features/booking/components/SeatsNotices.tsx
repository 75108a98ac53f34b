import { RefreshIcon } from "../../../components/Icons";
import { Notice } from "../../../components/Notice";
import { Link } from "../../../router";
import type { SeatMap } from "../api/booking";
import { actionErrorWords, type BookingNotice, noticeWords, seatList } from "../lib/notices";
import type { BookingSession } from "../lib/session";

interface SeatsNoticesProps {
  notice: BookingNotice | null;
  onDismissNotice: () => void;
  actionError: unknown;
  onDismissError: () => void;
  /** Offered with a retryable error while there is a selection. */
  onRetry: (() => void) | null;
  retryIn: number | null;
  map: SeatMap | undefined;
  movieId: string | undefined;
  pendingOrder: BookingSession | undefined;
  liveHold: BookingSession | undefined;
  releasing: boolean;
  onRelease: (holdId: string) => void;
}

/** What the seat map page has to say: why the visitor is here, a failed action, a closed show, their booking. */
export function SeatsNotices(props: SeatsNoticesProps) {
  const { notice, actionError, map, pendingOrder, liveHold, onRetry, retryIn } = props;
  const errorWords = actionError ? actionErrorWords(actionError) : null;
  const noticeText = notice ? noticeWords(notice) : null;
  return (
    <>
      {noticeText ? (
        <Notice tone={noticeText.tone} title={noticeText.title} onDismiss={props.onDismissNotice}>
          {noticeText.text}
        </Notice>
      ) : null}
      {errorWords ? (
        <Notice
          tone={errorWords.tone}
          title={errorWords.title}
          onDismiss={props.onDismissError}
          actions={
            errorWords.retryable && onRetry ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={onRetry}
                disabled={retryIn !== null && retryIn > 0}
              >
                <RefreshIcon size={14} />
                {retryIn ? `Try again in ${retryIn}s` : "Try again"}
              </button>
            ) : null
          }
        >
          {errorWords.text}
        </Notice>
      ) : null}
      {map && !map.bookable ? (
        <Notice tone="info" title="Booking is closed for this show">
          {map.closedReason ?? "This show no longer takes bookings."}{" "}
          {props.movieId ? <Link to={`/movies/${props.movieId}`}>See other showtimes</Link> : null}
        </Notice>
      ) : null}
      {pendingOrder ? (
        <Notice
          tone="info"
          title={`${seatList(pendingOrder.seatIds)} ${pendingOrder.seatIds.length > 1 ? "are" : "is"} waiting for your payment`}
          actions={
            <Link to={`/orders/${pendingOrder.orderId}/pay`} className="btn btn-primary">
              Continue to payment
            </Link>
          }
        >
          You have a booking for this show that isn't paid yet. Pay for it, or cancel it in My bookings to pick
          different seats.
        </Notice>
      ) : null}
      {liveHold ? (
        <Notice
          tone="info"
          title={`You're holding ${seatList(liveHold.seatIds)}`}
          actions={
            <button
              type="button"
              className="btn btn-link"
              onClick={() => props.onRelease(liveHold.holdId)}
              disabled={props.releasing}
            >
              {props.releasing ? "Releasing…" : "Release these seats"}
            </button>
          }
        >
          Continue to checkout, or change your seats below and continue.
        </Notice>
      ) : null}
    </>
  );
}
