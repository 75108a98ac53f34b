import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { ApiError } from "../../../api/client";
import { useNavigate } from "../../../router";
import { useBackToQueue } from "../../onsale/hooks/use-back-to-queue";
import { bookingKeys, SEAT_MAP_SNAPSHOT_LAG_MS, type SeatMap, withSeatsTaken } from "../api/booking";
import { actionErrorWords, type BookingNotice, seatList } from "../lib/notices";
import { canTakeSeat, nearestGroup } from "../lib/seat-groups";
import type { PlacedSeat } from "../lib/seat-model";
import type { SelectionProblem } from "../lib/selection-problems";
import { clearSession, liveHoldOf, pendingOrderOf, readSession } from "../lib/session";
import { useHoldBest, useReleaseHold } from "./mutations";
import { useReserveSeats } from "./use-reserve-seats";
import { useSeatSelection } from "./use-seat-selection";

interface Options {
  showId: string;
  map: SeatMap | undefined;
  announce: (message: string) => void;
  /** The notice this page was opened with (an expired hold names its seats). */
  arrival: BookingNotice | null;
  setNotice: (notice: BookingNotice | null) => void;
  waitToRetry: (seconds: number) => void;
}

const numberDetail = (error: ApiError, key: string) =>
  typeof error.details[key] === "number" ? (error.details[key] as number) : null;

/**
 * What the seat map page does: how many seats (the best ones held at once), the selection, the
 * hold made or changed on Continue, and every problem with the selection put into words beside it
 * (a seat taken with the nearest like it offered, the orphan rule, a hold that ran out, offered again).
 */
export function useSeatsBooking({ showId, map, announce, arrival, setNotice, waitToRetry }: Options) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [session, setSession] = useState(() => readSession(showId));
  const liveHold = liveHoldOf(session);
  const pendingOrder = pendingOrderOf(session);
  const lockedMine = useMemo(() => new Set(pendingOrder?.seatIds ?? []), [pendingOrder]);
  const [quantity, setQuantity] = useState<number | null>(liveHold ? liveHold.seatIds.length : null);
  const [problem, setProblem] = useState<SelectionProblem | null>(() =>
    arrival?.kind === "hold-expired" ? { kind: "expired", seats: arrival.seats ?? [] } : null,
  );
  const [actionError, setActionError] = useState<unknown>(null);

  /** The nearest seats together like the group `before` (its `lost` ones gone), for an offer. */
  const alternativeFor = useCallback(
    (placed: ReturnType<typeof useSeatSelection>["placed"], before: string[], lost: string[]) => {
      if (!placed) return null;
      const order = [...lost, ...before.filter((id) => !lost.includes(id))];
      const seats = order.map((id) => placed.byId.get(id)).filter((p): p is PlacedSeat => Boolean(p));
      const keep = canTakeSeat(new Set(before.filter((id) => !lost.includes(id))), lockedMine);
      return nearestGroup(placed, seats, before.length, (p) => !lost.includes(p.seat.seatId) && keep(p));
    },
    [lockedMine],
  );

  const selection = useSeatSelection({
    map,
    initial: liveHold?.seatIds ?? [],
    lockedMine,
    quantity,
    announce,
    onLost: (lost, before) => {
      const alternative = alternativeFor(selection.placed, before, lost);
      setProblem({ kind: "taken", seats: lost, alternative });
      announce(
        `${seatList(lost)} ${lost.length > 1 ? "were" : "was"} just taken by someone else and removed from your selection.${alternative ? ` The nearest seats like ${lost.length > 1 ? "them" : "it"}: ${seatList(alternative)}.` : ""}`,
      );
    },
  });
  const reserve = useReserveSeats(showId);
  const release = useReleaseHold(showId);
  const best = useHoldBest(showId);
  const backToQueue = useBackToQueue(showId);

  const onSeat = useCallback(
    (p: PlacedSeat) => {
      setActionError(null);
      setProblem((current) => (current?.kind === "stranded" || current?.kind === "no-best" ? null : current));
      selection.toggle(p);
    },
    [selection.toggle],
  );

  /** The seats become a hold (or the live hold is changed to them), then on to checkout. */
  function holdAndContinue(seatIds: string[]) {
    if (!seatIds.length || reserve.isPending) return;
    setActionError(null);
    setProblem(null);
    setNotice(null);
    reserve.mutate(seatIds, {
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
          if (mine) setNotice({ kind: "held-elsewhere", seats });
          else {
            const alternative = alternativeFor(selection.placed, seatIds, seats);
            setProblem({ kind: "taken", seats, alternative });
          }
          // Show the seats as the refusal says at once; read the map again once its snapshot caught up.
          queryClient.setQueryData<SeatMap>(bookingKeys.seatMap(showId), (m) => m && withSeatsTaken(m, seats));
          window.setTimeout(
            () => void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) }),
            SEAT_MAP_SNAPSHOT_LAG_MS,
          );
          return;
        }
        if (backToQueue(error)) return;
        if (error instanceof ApiError && error.code === "SEAT_STRANDED" && typeof error.details.seat === "string") {
          setProblem({ kind: "stranded", seat: error.details.seat });
          return;
        }
        const words = actionErrorWords(error);
        if (words.retryAfterSeconds) waitToRetry(words.retryAfterSeconds);
        setActionError(error);
      },
    });
  }

  function chooseQuantity(n: number) {
    setQuantity(n);
    setProblem(null);
    setActionError(null);
    best.mutate(
      { quantity: n, replacing: liveHold?.holdId },
      {
        onSuccess: (hold) => {
          setSession(readSession(showId));
          selection.replace(hold.seatIds);
          announce(`The best ${n === 1 ? "seat" : `${n} seats together`}, ${seatList(hold.seatIds)}, held for you.`);
        },
        onError: (error) => {
          setSession(readSession(showId));
          if (backToQueue(error)) return;
          if (error instanceof ApiError && error.code === "NO_BEST_SEATS") {
            selection.clear();
            setProblem({ kind: "no-best", quantity: n, largestBlock: numberDetail(error, "largestBlock") });
            return;
          }
          setActionError(error);
        },
      },
    );
  }

  function onHoldExpired() {
    const seats = liveHold?.seatIds ?? [];
    clearSession(showId);
    setSession(undefined);
    selection.clear();
    setProblem({ kind: "expired", seats });
    void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
  }

  function onRelease(holdId: string) {
    release.mutate(holdId, {
      onSuccess: () => {
        setSession(undefined);
        selection.clear();
        setQuantity(null);
        announce("Your seats were released.");
      },
      onError: setActionError,
    });
  }

  /** A problem's offer taken: an alternative becomes the selection; an expired hold's seats are held again. */
  function takeOffer(seatIds: string[]) {
    if (problem?.kind === "expired") {
      selection.replace(seatIds);
      holdAndContinue(seatIds);
      return;
    }
    selection.replace(seatIds);
    setProblem(null);
    announce(`${seatList(seatIds)} selected.`);
  }

  return {
    session,
    liveHold,
    pendingOrder,
    lockedMine,
    quantity,
    selection,
    problem,
    dismissProblem: () => setProblem(null),
    actionError,
    dismissError: () => setActionError(null),
    onSeat,
    onContinue: () => holdAndContinue(selection.ordered),
    chooseQuantity,
    choosing: best.isPending,
    holding: reserve.isPending,
    releasing: release.isPending,
    onHoldExpired,
    onRelease,
    takeOffer,
  };
}
