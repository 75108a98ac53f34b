import { useQuery } from "@tanstack/react-query";
import { holdQuery, orderQuery, seatMapQuery } from "../api/booking";

/** One hook per booking endpoint read; pages compose them. */
export const useSeatMap = (showId: string) => useQuery(seatMapQuery(showId));

export const useHold = (holdId: string) => useQuery(holdQuery(holdId));

/** The order (nothing is asked for an empty id). */
export const useOrder = (orderId: string | undefined) => useQuery(orderQuery(orderId ?? ""));
