import type { CustomerInput } from "@housefull/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError } from "../../../api/client";
import { orderKeys } from "../../../api/order-keys";
import {
  bookingKeys,
  cancelOrder,
  changeHold,
  createBestHold,
  createHold,
  createOrder,
  type Hold,
  type Order,
  releaseHold,
  startPayment,
} from "../api/booking";
import {
  clearSession,
  newAttemptKey,
  readSession,
  rememberCheckoutStarted,
  rememberOrderOfHold,
  writeSession,
} from "../lib/session";

/**
 * One hook per booking endpoint that changes something. Each keeps the query cache and this
 * browser's booking session (the live hold, the pending order) in step with the answer, so every
 * page that calls it gets the same bookkeeping; what happens next (navigation, notices) is the page's.
 */

const noAnswer = (error: unknown) => error instanceof ApiError && error.status === 0;

function useRememberHold() {
  const queryClient = useQueryClient();
  return (hold: Hold) => {
    queryClient.setQueryData(bookingKeys.hold(hold.holdId), hold);
    writeSession({ showId: hold.showId, holdId: hold.holdId, seatIds: hold.seatIds, expiresAt: hold.expiresAt });
  };
}

/** POST /holds. A lost connection is retried once, with the same Idempotency-Key: never a second hold. */
export function useHoldSeats() {
  const remember = useRememberHold();
  return useMutation({
    mutationFn: createHold,
    retry: (failures, error) => noAnswer(error) && failures < 1,
    retryDelay: 800,
    onSuccess: remember,
  });
}

/**
 * "How many seats?" answered: the best seats together, held at once (POST /holds `best`), first in
 * one row, else over two adjacent rows. Holding, not just suggesting: the seats offered are then
 * the visitor's while they decide, so Continue can never find them gone. A hold this browser had
 * on the show is let go first (a new quantity starts over; the API allows two holds per show).
 */
export function useHoldBest(showId: string) {
  const remember = useRememberHold();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ quantity, replacing }: { quantity: number; replacing?: string }) => {
      if (replacing) {
        await releaseHold(replacing);
        clearSession(showId, replacing);
      }
      const ask = (allowSplit: boolean) =>
        createBestHold({ showId, quantity, allowSplit, idempotencyKey: newAttemptKey() });
      try {
        return await ask(false);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === "NO_BEST_SEATS") || quantity < 2) throw error;
        return ask(true);
      }
    },
    onSuccess: (hold) => {
      remember(hold);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
    },
  });
}

/** PUT /holds/{holdId}: the same hold, other seats, its clock unchanged. */
export function useChangeHold() {
  const remember = useRememberHold();
  return useMutation({
    mutationFn: ({ holdId, seatIds }: { holdId: string; seatIds: string[] }) => changeHold(holdId, seatIds),
    onSuccess: remember,
  });
}

/** DELETE /holds/{holdId} */
export function useReleaseHold(showId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseHold,
    onSuccess: (_, holdId) => {
      clearSession(showId, holdId);
      queryClient.removeQueries({ queryKey: bookingKeys.hold(holdId) });
      void queryClient.invalidateQueries({ queryKey: bookingKeys.seatMap(showId) });
    },
  });
}

/** POST /orders: the hold becomes an order awaiting payment. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ hold, customer }: { hold: Hold; customer: CustomerInput }) => createOrder(hold, customer),
    onSuccess: (order, { hold }) => {
      rememberOrderOfHold(hold.holdId, order.orderId);
      const current = readSession(hold.showId);
      writeSession({
        showId: hold.showId,
        holdId: hold.holdId,
        seatIds: hold.seatIds,
        expiresAt: current?.expiresAt ?? hold.expiresAt,
        orderId: order.orderId,
        orderExpiresAt: order.expiresAt,
      });
      queryClient.setQueryData(orderKeys.detail(order.orderId), order);
      // The hold is an order now: a return to checkout must not show it as still held.
      queryClient.setQueryData<Hold>(bookingKeys.hold(hold.holdId), (h) => (h ? { ...h, status: "ORDERED" } : h));
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

function useOrderChanged() {
  const queryClient = useQueryClient();
  return (order: Order) => {
    const session = readSession(order.show.id);
    if (session?.orderId === order.orderId) clearSession(order.show.id);
    queryClient.setQueryData(orderKeys.detail(order.orderId), order);
    void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  };
}

/**
 * POST /orders/{orderId}/payment: where to pay. The order has one checkout session, so asking again
 * (a lost answer, a second click) gets the same page, never a second charge. Only the provider's
 * webhook confirms the order; a refusal saying it is paid, expired or cancelled refreshes it.
 */
export function useStartPayment() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: startPayment,
    retry: (failures, error) => noAnswer(error) && failures < 2,
    onSuccess: (_, orderId) => rememberCheckoutStarted(orderId),
    onError: (error, orderId) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500)
        void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    },
  });
  // Back from the provider's page may restore this page as it was left ("Taking you to payment…").
  const { reset } = mutation;
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, [reset]);
  return mutation;
}

/** POST /orders/{orderId}/cancel */
export function useCancelOrder() {
  const changed = useOrderChanged();
  return useMutation({ mutationFn: cancelOrder, onSuccess: changed });
}
