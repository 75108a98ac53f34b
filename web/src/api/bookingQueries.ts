import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getHold, getOrder, getSeatMap, listOrders } from "./booking";

/** How often an open seat map asks for changes (a 304 when there are none). */
export const SEAT_MAP_REFRESH_MS = 4_000;

export const bookingKeys = {
  seatMap: (showId: string) => ["seatmap", showId] as const,
  hold: (holdId: string) => ["holds", holdId] as const,
  orders: ["orders"] as const,
  order: (orderId: string) => ["orders", "detail", orderId] as const,
  orderList: (page: number) => ["orders", "list", page] as const,
};

export const seatMapQuery = (showId: string) =>
  queryOptions({
    queryKey: bookingKeys.seatMap(showId),
    queryFn: ({ signal }) => getSeatMap(showId, signal),
    staleTime: 0,
    refetchInterval: SEAT_MAP_REFRESH_MS,
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  });

export const holdQuery = (holdId: string) =>
  queryOptions({
    queryKey: bookingKeys.hold(holdId),
    queryFn: ({ signal }) => getHold(holdId, signal),
    staleTime: 15_000,
  });

export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: bookingKeys.order(orderId),
    queryFn: ({ signal }) => getOrder(orderId, signal),
    staleTime: 5_000,
  });

export const ORDERS_PAGE_SIZE = 10;

export const orderListQuery = (page: number) =>
  queryOptions({
    queryKey: bookingKeys.orderList(page),
    queryFn: ({ signal }) => listOrders(page, ORDERS_PAGE_SIZE, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
