import { cinemaDate, sortSeatIds } from "@housefull/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { changeHold, createHold, type Hold, releaseHold } from "../api/booking";
import { bookingKeys, seatMapQuery } from "../api/bookingQueries";
import { ApiError } from "../api/client";
import { serverNow } from "../api/identity";
import { showQuery } from "../api/queries";
import { BookingHeader } from "../components/booking/BookingHeader";
import { Countdown } from "../components/booking/Countdown";
import { useAnnouncer } from "../components/booking/LiveRegion";
import { Notice } from "../components/booking/Notice";
import { RefreshIcon } from "../components/Icons";
import { EmptyState, ErrorState } from "../components/StatusViews";
import { actionErrorWords, type BookingNotice, noticeWords, seatList } from "../lib/bookingNotices";
import {
  type BookingSession,
  clearSession,
  liveHoldOf,
  newAttemptKey,
  pendingOrderOf,
  readSession,
  writeSession,
} from "../lib/bookingSession";
import { formatClock, useCountdown } from "../lib/countdown";
import { formatPrice, formatShowDateTime } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import { loadCheckoutPage } from "../routes";
import styles from "./SeatsPage.module.css";
import { SeatLegend, SeatMap, SeatMapSkeleton } from "./seats/SeatMap";
import { isTakenByOthers, type PlacedSeat, placeSeats, totalOf } from "./seats/seatModel";

const sameSeats = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export default function SeatsPage() {
  const { showId = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const show = useQuery(showQuery(showId));
  const seatMap = useQuery(seatMapQuery(showId));
  const [region, announce] = useAnnouncer();

  const [session, setSession] = useState<BookingSession | undefined>(() => readSession(showId));
  const liveHold = liveHoldOf(session);
  const pendingOrder = pendingOrderOf(session);
  const [selected, setSelected] = useState<string[]>(() => liveHold?.seatIds ?? []);
  const [notice, setNotice] = useState<BookingNotice | null>(
    () => (location.state as { notice?: BookingNotice } | null)?.notice ?? null,
  );
  /** A small, friendly note next to the selection (max seats, a seat that can't be picked). */
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [retryAt, setRetryAt] = useState<string | undefined>(undefined);
  const retryIn = useCountdown(retryAt, () => setRetryAt(undefined));

  const map = seatMap.data;
  const placed = useMemo(() => (map ? placeSeats(map) : null), [map]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const lockedMine = useMemo(() => new Set(pendingOrder?.seatIds ?? []), [pendingOrder]);
  const maxSeats = map?.maxSeatsPerHold ?? 10;

  useDocumentTitle(show.data ? `Choose seats: ${show.data.movie.title}` : "Choose seats");

  // The message we were sent here with is shown once; a reload shouldn't bring it back.
  useEffect(() => {
    if ((location.state as { notice?: unknown } | null)?.notice) {
      navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [location, navigate]);

  // A fresh map may have taken selected seats away: drop them, and say which.
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useEffect(() => {
    if (!placed) return;
    const lost = selectedRef.current.filter((id) => isTakenByOthers(placed.byId.get(id)?.seat));
    if (!lost.length) return;
    setSelected((current) => current.filter((id) => !lost.includes(id)));
    setNotice({ kind: "seats-taken", seats: sortSeatIds(lost) });
    announce(
      `${seatList(lost)} ${lost.length > 1 ? "were" : "was"} just taken by someone else and removed from your selection.`,
    );
  }, [placed, announce]);

  const orderedSelection = sortSeatIds(selected);
  const total = placed ? totalOf(selected, placed.byId) : "0.00";

  const onSeat = useCallback(
    (p: PlacedSeat) => {
      if (!map || !placed) return;
      const id = p.seat.seatId;
      const current = selectedRef.current;
      const name = `Row ${p.row.label} seat ${p.seat.number}`;
      if (current.includes(id)) {
        const next = current.filter((s) => s !== id);
        setSelected(next);
        setNote(null);
        announce(`${name} removed. ${countWords(next.length)} selected, ${formatPrice(totalOf(next, placed.byId))}.`);
        return;
      }
      let why: string | null = null;
      if (!map.bookable) why = map.closedReason ?? "This show no longer takes bookings.";
      else if (lockedMine.has(id)) why = `${id} is already in your booking awaiting payment.`;
      else if (p.seat.state === "BOOKED") why = `${id} is already booked.`;
      else if (p.seat.state === "HELD" && !p.seat.mine)
        why = `${id} is held by someone else right now. It may free up in a few minutes.`;
      else if (current.length >= map.maxSeatsPerHold)
        why = `You can book up to ${map.maxSeatsPerHold} seats at a time. Unselect one to pick ${id}.`;
      if (why) {
        setNote(why);
        announce(why);
        return;
      }
      const next = [...current, id];
      // Continue is likely next: have the checkout page's code ready by then.
      void loadCheckoutPage();
      setSelected(next);
      setNote(null);
      setActionError(null);
      announce(`${name} selected. ${countWords(next.length)}, ${formatPrice(totalOf(next, placed.byId))}.`);
    },
    [map, placed, lockedMine, announce],
  );

  // Continue: hold the seats (or change this show's live hold), then on to checkout -------------------
  /** The key of the current attempt; kept only while a retry of the same seats may follow. */
  const attempt = useRef<{ key: string; seats: string } | null>(null);
  const hold = useMutation({
    mutationFn: async (seatIds: string[]): Promise<Pick<Hold, "holdId" | "seatIds" | "expiresAt">> => {
      const live = liveHoldOf(readSession(showId));
      if (live) {
        if (sameSeats(live.seatIds, seatIds)) return live;
        try {
          return await changeHold(live.holdId, seatIds);
        } catch (error) {
          // The hold is gone (expired, released elsewhere): make a new one below.
          if (!(error instanceof ApiError) || ![404, 410].includes(error.status)) throw error;
          clearSession(showId, live.holdId);
        }
      }
      const seats = seatIds.join(",");
      if (attempt.current?.seats !== seats) attempt.current = { key: newAttemptKey(), seats };
      return createHold({ showId, seatIds, idempotencyKey: attempt.current.key });
    },
    // A lost connection is retried once, with the same Idempotency-Key: never a second hold.
    retry: (failures, error) => error instanceof ApiError && error.status === 0 && failures < 1,
    retryDelay: 800,
    onSuccess: (result) => {
      attempt.current = null;
      const next = { showId, holdId: result.holdId, seatIds: result.seatIds, expiresAt: result.expiresAt };
      writeSession(next);
      setSession(next);
      if ("amount" in result) queryClient.setQueryData(bookingKeys.hold(result.holdId), result as Hold);
      navigate(`/checkout/${result.holdId}?show=${showId}`);
    },
    onError: (error) => {
      const retryable = error instanceof ApiError && error.isRetryable;
      if (!retryable) attempt.current = null;
      if (error instanceof ApiError && error.code === "SEAT_TAKEN") {
        const seats = Array.isArray(error.details.seats) ? (error.details.seats as string[]) : [];
        setSelected((current) => current.filter((id) => !seats.includes(id)));
        // Our own seats, locked by a hold this page doesn't know (another tab, a cleared session)?
        const mineElsewhere = seats.length > 0 && seats.every((id) => placed?.byId.get(id)?.seat.mine);
        setNotice({ kind: mineElsewhere ? "held-elsewhere" : "seats-taken", seats });
        setActionError(null);
        void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
        return;
      }
      const words = actionErrorWords(error);
      if (words.retryAfterSeconds) setRetryAt(new Date(serverNow() + words.retryAfterSeconds * 1000).toISOString());
      setActionError(error);
    },
  });

  function onContinue() {
    if (!orderedSelection.length || hold.isPending) return;
    setActionError(null);
    setNotice(null);
    hold.mutate(orderedSelection);
  }

  const onHoldExpired = useCallback(() => {
    clearSession(showId);
    setSession(undefined);
    setSelected([]);
    setNotice({ kind: "hold-expired" });
    void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
  }, [showId, queryClient]);

  const release = useMutation({
    mutationFn: (holdId: string) => releaseHold(holdId),
    onSuccess: () => {
      clearSession(showId);
      setSession(undefined);
      setSelected([]);
      announce("Your seats were released.");
      void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
    },
    onError: (error) => setActionError(error),
  });

  // Rendering ------------------------------------------------------------------------------------------

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
    const gone = seatMap.error instanceof ApiError && [400, 404].includes(seatMap.error.status);
    return (
      <div className="container">
        {header}
        {gone ? (
          <EmptyState title="We couldn't find this show" description="It may have been removed, or the link is wrong.">
            <Link to="/" className="btn btn-primary">
              Browse movies
            </Link>
          </EmptyState>
        ) : (
          <ErrorState error={seatMap.error} what="the seat map" onRetry={() => void seatMap.refetch()} />
        )}
      </div>
    );
  }

  const errorWords = actionError ? actionErrorWords(actionError) : null;
  const noticeText = notice ? noticeWords(notice) : null;

  return (
    <div className={`container ${styles.page}`}>
      {region}
      {header}

      <div className={styles.notices}>
        {noticeText ? (
          <Notice tone={noticeText.tone} title={noticeText.title} onDismiss={() => setNotice(null)}>
            {noticeText.text}
          </Notice>
        ) : null}
        {errorWords ? (
          <Notice
            tone={errorWords.tone}
            title={errorWords.title}
            onDismiss={() => setActionError(null)}
            actions={
              errorWords.retryable && orderedSelection.length ? (
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={onContinue}
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
            {showData ? <Link to={`/movies/${showData.movie.id}`}>See other showtimes</Link> : null}
          </Notice>
        ) : null}
        {pendingOrder ? (
          <Notice
            tone="info"
            title={`${seatList(pendingOrder.seatIds)} ${pendingOrder.seatIds.length > 1 ? "are" : "is"} waiting for your payment`}
            actions={
              <Link to={`/pay/${pendingOrder.orderId}`} className="btn btn-primary">
                Continue to payment
              </Link>
            }
          >
            You have a booking for this show that isn't paid yet. Pay for it, or cancel it in My bookings to pick
            different seats.
          </Notice>
        ) : null}
        {liveHold && !hold.isPending ? (
          <Notice
            tone="info"
            title={`You're holding ${seatList(liveHold.seatIds)}`}
            actions={
              <button
                type="button"
                className="btn btn-link"
                onClick={() => release.mutate(liveHold.holdId)}
                disabled={release.isPending}
              >
                {release.isPending ? "Releasing…" : "Release these seats"}
              </button>
            }
          >
            Continue to checkout, or change your seats below and continue.
          </Notice>
        ) : null}
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
          <SeatMap map={map} selected={selectedSet} lockedMine={lockedMine} onSeat={onSeat} />
        ) : (
          <SeatMapSkeleton />
        )}
        <SeatLegend />
      </section>

      <section className={styles.bar} aria-label="Your selection">
        <div className={styles.barInner}>
          <div className={styles.summary}>
            {orderedSelection.length ? (
              <>
                <p className={styles.count}>
                  {countWords(orderedSelection.length)}
                  <span className={styles.seatIds}>{orderedSelection.join(", ")}</span>
                </p>
                <p className={styles.total}>
                  <span className="visually-hidden">Total </span>
                  {formatPrice(total)}
                </p>
              </>
            ) : (
              <p className={styles.hint}>
                {map?.bookable === false ? "This show isn't taking bookings" : `Pick up to ${maxSeats} seats`}
              </p>
            )}
            {note ? (
              <p className={styles.note} role="status">
                {note}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className={`btn btn-primary ${styles.continue}`}
            onClick={onContinue}
            disabled={!orderedSelection.length || hold.isPending || map?.bookable === false || (retryIn ?? 0) > 0}
          >
            {hold.isPending ? (
              <>
                <span className={styles.spinner} aria-hidden="true" />
                Holding seats…
              </>
            ) : retryIn ? (
              `Continue (wait ${formatClock(retryIn)})`
            ) : (
              "Continue"
            )}
          </button>
        </div>
      </section>
    </div>
  );
}

function countWords(n: number): string {
  return n === 1 ? "1 seat" : `${n} seats`;
}
