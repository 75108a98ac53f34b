import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import { orderKeys } from "../../../api/order-keys";

export type SignedTicket = InferResponseType<(typeof api.orders)[":orderId"]["ticket"]["$get"], 200>;

/**
 * GET /orders/{orderId}/ticket: the signed token the QR code carries. Under the order's key, so a
 * change to the order (cancelled, refunded) asks for it again.
 */
export const ticketQuery = (orderId: string) =>
  queryOptions({
    queryKey: [...orderKeys.detail(orderId), "ticket"] as const,
    queryFn: ({ signal }) => unwrap(api.orders[":orderId"].ticket.$get({ param: { orderId } }, { init: { signal } })),
    // The same order under the same key is the same token: no need to ask often.
    staleTime: 5 * 60_000,
  });
