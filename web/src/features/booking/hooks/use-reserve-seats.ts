import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { ApiError } from "../../../api/client";
import type { Hold } from "../api/booking";
import { clearSession, liveHoldOf, newAttemptKey, readSession } from "../lib/session";
import { useChangeHold, useHoldSeats } from "./mutations";

export type HeldSeats = Pick<Hold, "holdId" | "seatIds" | "expiresAt">;

const sameSeats = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Continue from the seat map: this show's live hold changed in place (PUT), or kept as it is when
 * the seats are the same, or else a new hold (POST) under one Idempotency-Key per attempt: the key
 * is kept while a retry of the same seats may follow, so a retry never makes a second hold.
 */
export function useReserveSeats(showId: string) {
  const holdSeats = useHoldSeats();
  const changeHold = useChangeHold();
  const attempt = useRef<{ key: string; seats: string } | null>(null);
  return useMutation({
    mutationFn: async (seatIds: string[]): Promise<HeldSeats> => {
      const live = liveHoldOf(readSession(showId));
      if (live) {
        if (sameSeats(live.seatIds, seatIds)) return live;
        try {
          return await changeHold.mutateAsync({ holdId: live.holdId, seatIds });
        } catch (error) {
          // The hold is gone (expired, released elsewhere): make a new one below.
          if (!(error instanceof ApiError) || ![404, 410].includes(error.status)) throw error;
          clearSession(showId, live.holdId);
        }
      }
      const seats = seatIds.join(",");
      if (attempt.current?.seats !== seats) attempt.current = { key: newAttemptKey(), seats };
      return holdSeats.mutateAsync({ showId, seatIds, idempotencyKey: attempt.current.key });
    },
    onSuccess: () => {
      attempt.current = null;
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.isRetryable)) attempt.current = null;
    },
  });
}
