import type {
  BlockHouseSeatsRequest,
  CounterSaleRequest,
  MovieFields,
  ScheduleShowsBody,
  SeatLayout,
  StaffTheatreRole,
  TheatreFields,
} from "@housefull/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createHold } from "../../booking/api/booking";
import {
  adminKeys,
  createMovie,
  createScreen,
  createTheatre,
  editScreen,
  retireMovie,
  scheduleShows,
  setOrphanRule,
  setPrices,
  setSales,
  updateMovie,
  updateTheatre,
  uploadPoster,
} from "../api/admin-api";
import {
  blockHouseSeats,
  cancelShow,
  grantStaff,
  opsKeys,
  revokeStaff,
  sellAtCounter,
  unblockHouseSeats,
} from "../api/ops-api";

/** Every back-office change, each refreshing the queries it makes stale. */

function useInvalidate() {
  const client = useQueryClient();
  return (...keys: readonly (readonly unknown[])[]) =>
    Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSaveMovie() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ movieId, fields }: { movieId?: string; fields: MovieFields }) =>
      movieId ? updateMovie(movieId, fields) : createMovie(fields),
    onSuccess: () => invalidate(adminKeys.movies),
  });
}

export function useRetireMovie() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: retireMovie, onSuccess: () => invalidate(adminKeys.movies) });
}

export function useUploadPoster() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ movieId, file }: { movieId: string; file: File }) => uploadPoster(movieId, file),
    onSuccess: () => invalidate(adminKeys.movies),
  });
}

export function useSaveTheatre() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ theatreId, fields }: { theatreId?: string; fields: TheatreFields }) =>
      theatreId ? updateTheatre(theatreId, fields) : createTheatre(fields),
    onSuccess: (theatre) => invalidate(adminKeys.theatres, adminKeys.theatre(theatre.id)),
  });
}

export function useSaveScreen(theatreId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ screenId, name, layout }: { screenId?: string; name: string; layout: SeatLayout }) =>
      screenId
        ? editScreen(theatreId, screenId, { name, layout })
        : createScreen(theatreId, { name, layout }).then((screen) => ({ ...screen, layoutChange: "NONE" as const })),
    onSuccess: () => invalidate(adminKeys.screens(theatreId)),
  });
}

export function useScheduleShows(theatreId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ScheduleShowsBody) => scheduleShows(theatreId, body),
    onSuccess: () => invalidate(adminKeys.shows(theatreId)),
  });
}

export function useSetSales(theatreId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ showId, open }: { showId: string; open: boolean }) => setSales(theatreId, showId, open),
    onSuccess: () => invalidate(adminKeys.shows(theatreId)),
  });
}

export function useSetPrices(theatreId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ showId, prices }: { showId: string; prices: Record<string, string> }) =>
      setPrices(theatreId, showId, prices),
    onSuccess: () => invalidate(adminKeys.shows(theatreId)),
  });
}

export function useSetOrphanRule(theatreId: string, showId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (orphanRule: boolean) => setOrphanRule(theatreId, showId, orphanRule),
    onSuccess: () => invalidate(adminKeys.shows(theatreId)),
  });
}

export function useCancelShow(showId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reason: string | undefined) => cancelShow(showId, reason),
    onSuccess: () => invalidate(opsKeys.cancellation(showId), adminKeys.all),
  });
}

export function useHouseSeatChange(showId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (change: { block: BlockHouseSeatsRequest } | { unblock: string[] }) =>
      "block" in change ? blockHouseSeats(showId, change.block) : unblockHouseSeats(showId, change.unblock),
    onSuccess: () => invalidate(opsKeys.houseSeats(showId), ["seatmap", showId]),
  });
}

/** The box office: the staff member holds the seats as themselves (POST /holds), then sells that hold. */
export function useCounterSale(showId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ seatIds, customer }: { seatIds: string[]; customer: CounterSaleRequest["customer"] }) => {
      const hold = await createHold({ showId, seatIds, idempotencyKey: crypto.randomUUID() });
      return sellAtCounter(showId, { holdId: hold.holdId, customer });
    },
    onSuccess: () => invalidate(["seatmap", showId]),
  });
}

export function useStaffChange(theatreId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      change:
        | { grant: { email: string; role: StaffTheatreRole } }
        | { revoke: { userId: string; role: StaffTheatreRole } },
    ) =>
      "grant" in change
        ? grantStaff(theatreId, change.grant.email, change.grant.role)
        : revokeStaff(theatreId, change.revoke.userId, change.revoke.role),
    onSuccess: () => invalidate(opsKeys.staff(theatreId)),
  });
}
