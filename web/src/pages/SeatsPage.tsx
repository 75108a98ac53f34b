import { cinemaDate } from "@housefull/shared";
import { useRef, useState } from "react";
import { useAnnouncer } from "../components/LiveRegion";
import { Notice } from "../components/Notice";
import { LoadFailed } from "../components/StatusViews";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { Countdown, CountdownPlaceholder } from "../features/booking/components/Countdown";
import { QuantityPicker } from "../features/booking/components/QuantityPicker";
import { SeatLegend, SeatMap, SeatMapSkeleton } from "../features/booking/components/SeatMap";
import { SeatsNotices } from "../features/booking/components/SeatsNotices";
import { SelectionBar } from "../features/booking/components/SelectionBar";
import { useSeatMap } from "../features/booking/hooks/queries";
import { useArrivalNotice } from "../features/booking/hooks/use-arrival-notice";
import { useSeatsBooking } from "../features/booking/hooks/use-seats-booking";
import { problemWords } from "../features/booking/lib/selection-problems";
import { useShow } from "../features/catalog/hooks/use-show";
import { missingFromCatalog } from "../features/catalog/lib/missing";
import { useAdmissionGate } from "../features/onsale/hooks/use-admission-gate";
import { formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { usePaintedOnce } from "../lib/painted-once";
import { useRetryWait } from "../lib/retry-wait";
import { useParams } from "../router";
import styles from "./SeatsPage.module.css";

export default function SeatsPage() {
  const { showId = "" } = useParams();
  const show = useShow(showId);
  const seatMap = useSeatMap(showId);
  const map = seatMap.data;
  // The page (its heading, "How many seats?") paints first, the hall just after, even when the map
  // came with the page's code (web/src/routes.ts `readSeatsPageData`).
  const hallMayDraw = usePaintedOnce();
  useAdmissionGate(showId, map?.onsaleEventId);
  const [region, announce] = useAnnouncer();
  const [notice, setNotice] = useArrivalNotice();
  const [retryIn, waitToRetry] = useRetryWait();
  const booking = useSeatsBooking({ showId, map, announce, arrival: notice, setNotice, waitToRetry });
  const { selection, liveHold, problem } = booking;
  // "You're holding…" is for a visitor who comes back to a hold, not one who just made it here.
  const [heldOnArrival] = useState(() => liveHold?.holdId);
  // The hall is fitted above the sticky bar on a phone.
  const barRef = useRef<HTMLElement>(null);

  useDocumentTitle(show.data ? `Choose seats: ${show.data.movie.title}` : "Choose seats");

  const showData = show.data;
  const header = (
    <BookingHeader
      step="seats"
      // Back to the show's own day at the cinema, not the day it is where the browser is.
      back={
        showData
          ? { to: `/movies/${showData.movie.id}?date=${cinemaDate(new Date(showData.startTime))}`, label: "Showtimes" }
          : undefined
      }
      title={showData?.movie.title}
      posterUrl={showData?.movie.posterUrl}
      lines={
        showData
          ? [
              [showData.theatre.name, showData.theatre.city].filter(Boolean).join(", "),
              [formatShowDateTime(showData.startTime), showData.language, showData.format].filter(Boolean).join(" · "),
            ]
          : // Two lines' places kept while the show loads: the map below does not jump when they arrive.
            [undefined, undefined]
      }
      // The clock's place is kept while nothing is held: a hold appearing moves nothing.
      aside={
        liveHold ? (
          <Countdown
            expiresAt={liveHold.expiresAt}
            label="Seats held for"
            onExpire={booking.onHoldExpired}
            announce={announce}
            compact
          />
        ) : (
          <CountdownPlaceholder compact />
        )
      }
    />
  );

  if (seatMap.isError && !map) {
    return (
      <LoadFailed
        header={header}
        error={seatMap.error}
        what="the seat map"
        missing={missingFromCatalog("this show", "been removed")}
        onRetry={() => void seatMap.refetch()}
      />
    );
  }

  const free = (seats: readonly string[]) =>
    seats.every((id) => selection.placed?.byId.get(id)?.seat.state === "AVAILABLE");
  const words = problem ? problemWords(problem, free) : null;
  const offer = words?.offer;

  return (
    <div className={`container ${styles.page}`}>
      {region}
      {header}
      <div className={styles.notices}>
        <SeatsNotices
          notice={notice?.kind === "hold-expired" ? null : notice}
          onDismissNotice={() => setNotice(null)}
          actionError={booking.actionError}
          onDismissError={booking.dismissError}
          onRetry={selection.ordered.length ? booking.onContinue : null}
          retryIn={retryIn}
          map={map}
          movieId={showData?.movie.id}
          pendingOrder={booking.pendingOrder}
          liveHold={booking.holding || liveHold?.holdId !== heldOnArrival ? undefined : liveHold}
          releasing={booking.releasing}
          onRelease={booking.onRelease}
        />
      </div>

      <section className={styles.mapCard} aria-labelledby="seatmap-heading" aria-busy={seatMap.isPending}>
        <div className={styles.mapTop}>
          <h2 id="seatmap-heading" className={styles.mapTitle}>
            Choose your seats
          </h2>
          <p className={styles.availability}>
            {map ? `${map.counts.available} of ${map.counts.total} seats free` : "\u00a0"}
          </p>
        </div>
        <QuantityPicker
          max={map?.maxSeatsPerHold ?? 10}
          chosen={booking.quantity}
          busy={booking.choosing}
          disabled={!map?.bookable || Boolean(booking.pendingOrder)}
          onChoose={booking.chooseQuantity}
        />
        <SeatLegend />
        {seatMap.isError && map ? (
          <p className={styles.stale} role="status">
            Seat availability may be out of date: we can't reach housefull right now.{" "}
            <button type="button" className="btn btn-link" onClick={() => void seatMap.refetch()}>
              Retry now
            </button>
          </p>
        ) : null}
        {map && hallMayDraw ? (
          <SeatMap
            map={map}
            selected={selection.selectedSet}
            lockedMine={booking.lockedMine}
            onSeat={booking.onSeat}
            fitAbove={barRef}
          />
        ) : (
          <SeatMapSkeleton />
        )}
      </section>

      <SelectionBar
        ref={barRef}
        seatIds={selection.ordered}
        total={selection.total}
        maxSeats={map?.maxSeatsPerHold ?? 10}
        quantity={booking.quantity}
        problem={
          words ? (
            <Notice
              tone={words.tone}
              title={words.title}
              onDismiss={booking.dismissProblem}
              actions={
                offer ? (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => booking.takeOffer(offer)}
                    disabled={booking.holding}
                  >
                    {words.offerLabel}
                  </button>
                ) : null
              }
            >
              {words.text}
            </Notice>
          ) : null
        }
        bookable={map?.bookable}
        note={selection.note}
        holding={booking.holding}
        retryIn={retryIn}
        onContinue={booking.onContinue}
      />
    </div>
  );
}
