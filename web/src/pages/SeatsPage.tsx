import { cinemaDate } from "@housefull/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useAnnouncer } from "../components/LiveRegion";
import { LoadFailed } from "../components/StatusViews";
import { bookingKeys } from "../features/booking/api/booking";
import { BookingHeader } from "../features/booking/components/BookingHeader";
import { Countdown } from "../features/booking/components/Countdown";
import { SeatLegend, SeatMap, SeatMapSkeleton } from "../features/booking/components/SeatMap";
import { SeatsNotices } from "../features/booking/components/SeatsNotices";
import { SelectionBar } from "../features/booking/components/SelectionBar";
import { useReleaseHold } from "../features/booking/hooks/mutations";
import { useSeatMap } from "../features/booking/hooks/queries";
import { useArrivalNotice } from "../features/booking/hooks/use-arrival-notice";
import { useReserveSeats } from "../features/booking/hooks/use-reserve-seats";
import { useSeatSelection } from "../features/booking/hooks/use-seat-selection";
import { actionErrorWords, seatList } from "../features/booking/lib/notices";
import { clearSession, liveHoldOf, pendingOrderOf, readSession } from "../features/booking/lib/session";
import { useShow } from "../features/catalog/hooks/use-show";
import { formatShowDateTime } from "../lib/format-show";
import { useDocumentTitle } from "../lib/hooks";
import { useRetryWait } from "../lib/retry-wait";
import styles from "./SeatsPage.module.css";

export default function SeatsPage() {
  const { showId = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const show = useShow(showId);
  const seatMap = useSeatMap(showId);
  const map = seatMap.data;
  const [region, announce] = useAnnouncer();

  const [session, setSession] = useState(() => readSession(showId));
  const liveHold = liveHoldOf(session);
  const pendingOrder = pendingOrderOf(session);
  const lockedMine = useMemo(() => new Set(pendingOrder?.seatIds ?? []), [pendingOrder]);
  const [notice, setNotice] = useArrivalNotice();
  const [actionError, setActionError] = useState<unknown>(null);
  const [retryIn, waitToRetry] = useRetryWait();

  const selection = useSeatSelection({
    map,
    initial: liveHold?.seatIds ?? [],
    lockedMine,
    announce,
    onLost: (lost) => {
      setNotice({ kind: "seats-taken", seats: lost });
      announce(
        `${seatList(lost)} ${lost.length > 1 ? "were" : "was"} just taken by someone else and removed from your selection.`,
      );
    },
  });
  const { toggle } = selection;
  const onSeat = useCallback(
    (p: Parameters<typeof toggle>[0]) => {
      setActionError(null);
      toggle(p);
    },
    [toggle],
  );
  const reserve = useReserveSeats(showId);
  const release = useReleaseHold(showId);

  useDocumentTitle(show.data ? `Choose seats: ${show.data.movie.title}` : "Choose seats");

  function onContinue() {
    if (!selection.ordered.length || reserve.isPending) return;
    setActionError(null);
    setNotice(null);
    reserve.mutate(selection.ordered, {
      onSuccess: (held) => {
        setSession(readSession(showId));
        navigate(`/checkout/${held.holdId}?show=${showId}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === "SEAT_TAKEN") {
          const seats = Array.isArray(error.details.seats) ? (error.details.seats as string[]) : [];
          selection.drop(seats);
          // Our own seats, locked by a hold this page doesn't know (another tab, a cleared session)?
          const mine = seats.length > 0 && seats.every((id) => selection.placed?.byId.get(id)?.seat.mine);
          setNotice({ kind: mine ? "held-elsewhere" : "seats-taken", seats });
          void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
          return;
        }
        const words = actionErrorWords(error);
        if (words.retryAfterSeconds) waitToRetry(words.retryAfterSeconds);
        setActionError(error);
      },
    });
  }

  function onHoldExpired() {
    clearSession(showId);
    setSession(undefined);
    selection.clear();
    setNotice({ kind: "hold-expired" });
    void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
  }

  function onRelease(holdId: string) {
    release.mutate(holdId, {
      onSuccess: () => {
        setSession(undefined);
        selection.clear();
        announce("Your seats were released.");
      },
      onError: setActionError,
    });
  }

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
              [formatShowDateTime(showData.startTime), showData.movie.language, showData.movie.format]
                .filter(Boolean)
                .join(" · "),
            ]
          : []
      }
      aside={
        liveHold ? (
          <Countdown
            expiresAt={liveHold.expiresAt}
            label="Seats held for"
            onExpire={onHoldExpired}
            announce={announce}
          />
        ) : null
      }
    />
  );

  if (seatMap.isError && !map) {
    return (
      <LoadFailed
        header={header}
        error={seatMap.error}
        what="the seat map"
        missing={{
          title: "We couldn't find this show",
          description: "It may have been removed, or the link is wrong.",
          action: { to: "/", label: "Browse movies" },
        }}
        onRetry={() => void seatMap.refetch()}
      />
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      {region}
      {header}
      <div className={styles.notices}>
        <SeatsNotices
          notice={notice}
          onDismissNotice={() => setNotice(null)}
          actionError={actionError}
          onDismissError={() => setActionError(null)}
          onRetry={selection.ordered.length ? onContinue : null}
          retryIn={retryIn}
          map={map}
          movieId={showData?.movie.id}
          pendingOrder={pendingOrder}
          liveHold={reserve.isPending ? undefined : liveHold}
          releasing={release.isPending}
          onRelease={onRelease}
        />
      </div>

      <section className={styles.mapCard} aria-labelledby="seatmap-heading" aria-busy={seatMap.isPending}>
        <div className={styles.mapTop}>
          <h2 id="seatmap-heading" className={styles.mapTitle}>
            Choose your seats
          </h2>
          {map ? (
            <p className={styles.availability}>
              {map.counts.available} of {map.counts.total} seats free
            </p>
          ) : null}
        </div>
        {seatMap.isError && map ? (
          <p className={styles.stale} role="status">
            Seat availability may be out of date: we can't reach housefull right now.{" "}
            <button type="button" className="btn btn-link" onClick={() => void seatMap.refetch()}>
              Retry now
            </button>
          </p>
        ) : null}
        {map ? (
          <SeatMap map={map} selected={selection.selectedSet} lockedMine={lockedMine} onSeat={onSeat} />
        ) : (
          <SeatMapSkeleton />
        )}
        <SeatLegend />
      </section>

      <SelectionBar
        seatIds={selection.ordered}
        total={selection.total}
        maxSeats={map?.maxSeatsPerHold ?? 10}
        bookable={map?.bookable}
        note={selection.note}
        holding={reserve.isPending}
        retryIn={retryIn}
        onContinue={onContinue}
      />
    </div>
  );
}
