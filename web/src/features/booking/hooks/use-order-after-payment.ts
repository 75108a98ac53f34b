import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { orderKeys } from "../../../api/order-keys";
import { type Order, orderQuery } from "../api/booking";
import { clearSession, readSession } from "../lib/session";

/** How long the return page asks before it says the ticket is taking longer than usual. */
export const ISSUE_WAIT_MS = 90_000;
const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 4_000;

/** 500 ms, 750 ms, 1.1 s, … up to 4 s: quick while the webhook usually lands, gentle after. */
export const pollDelay = (polls: number) => Math.min(FIRST_POLL_MS * 1.5 ** polls, MAX_POLL_MS);

/** Settled for the payer: a ticket, or the money on its way back (late money, a cancelled order). */
export const isSettled = (order: Order) => order.status === "CONFIRMED" || order.refund !== null;

/**
 * The order after the provider sent the visitor back: the webhook, not this page, confirms it, so
 * the order is asked again (backing off) until it is settled, for {@link ISSUE_WAIT_MS} at most;
 * `checkAgain` starts another round. A settled order ends this browser's booking session for its show.
 */
export function useOrderAfterPayment(orderId: string) {
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState(true);
  const [round, setRound] = useState(0);
  const order = useQuery({
    ...orderQuery(orderId),
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!waiting || (data && isSettled(data))) return false;
      return pollDelay(query.state.dataUpdateCount);
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round restarts the clock
  useEffect(() => {
    const timer = setTimeout(() => setWaiting(false), ISSUE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [round]);

  const settled = order.data ? isSettled(order.data) : false;
  const showId = order.data?.show.id;
  useEffect(() => {
    if (!settled || !showId) return;
    if (readSession(showId)?.orderId === orderId) clearSession(showId);
    void queryClient.invalidateQueries({ queryKey: orderKeys.all, refetchType: "none" });
  }, [settled, showId, orderId, queryClient]);

  return {
    order,
    /** Still unsettled after the wait: say so, and offer to ask again. */
    slow: !waiting && !settled,
    checkAgain: () => {
      setWaiting(true);
      setRound((r) => r + 1);
      void order.refetch();
    },
  };
}
