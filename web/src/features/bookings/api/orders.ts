import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import { orderKeys } from "../../../api/order-keys";

export type OrderList = InferResponseType<typeof api.orders.$get, 200>;
export type ListedOrder = OrderList["items"][number];

export const ORDERS_PAGE_SIZE = 10;

/** GET /orders?page=&pageSize= */
export const orderListQuery = (page: number) =>
  queryOptions({
    queryKey: orderKeys.list(page),
    queryFn: ({ signal }) =>
      unwrap(
        api.orders.$get({ query: { page: String(page), pageSize: String(ORDERS_PAGE_SIZE) } }, { init: { signal } }),
      ),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
