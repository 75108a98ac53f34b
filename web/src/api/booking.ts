import type { CustomerInput } from "@housefull/shared";
import type { InferResponseType } from "hono/client";
import { ApiError, api, unwrap } from "./client";
import type { SeatMap } from "./contract";

export type { SeatMap };
export type SeatMapRow = SeatMap["rows"][number];
export type SeatMapSeat = NonNullable<SeatMapRow["seats"][number]>;
export type SeatState = SeatMapSeat["state"];
export type SeatCategoryPrice = SeatMap["categories"][number];

export type Hold = InferResponseType<typeof api.holds.$post, 201>;
export type Order = InferResponseType<(typeof api.orders)[":orderId"]["$get"], 200>;
export type OrderStatus = Order["status"];
export type OrderList = InferResponseType<typeof api.orders.$get, 200>;
export type { CustomerInput };

// Seat map, revalidated with its ETag ------------------------------------------------------------------

/** The last seat map and its ETag per show: a 304 answers with this very object. */
const lastSeatMaps = new Map<string, { etag: string; map: SeatMap }>();

/**
 * The show's seat map. Polled every few seconds, so it sends the last ETag: an unchanged map costs a
 * bodiless 304, and the same object comes back (React Query sees nothing changed, nothing re-renders).
 */
export async function getSeatMap(showId: string, signal?: AbortSignal): Promise<SeatMap> {
  const last = lastSeatMaps.get(showId);
  let res: Response;
  try {
    res = (await api.shows[":showId"].seatmap.$get(
      { param: { showId } },
      {
        headers: last ? { "If-None-Match": last.etag } : {},
        // Our own revalidation: the browser's HTTP cache would only hide the 304 from us.
        init: { signal, cache: "no-store" },
      },
    )) as unknown as Response;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", err instanceof Error ? err.message : "Network request failed");
  }
  if (res.status === 304 && last) return last.map;
  if (!res.ok) throw await ApiError.fromResponse(res);
  let map: SeatMap;
  try {
    map = (await res.json()) as SeatMap;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(res.status, "BAD_RESPONSE", "The server sent a seat map we could not read");
  }
  const etag = res.headers.get("ETag");
  if (etag) lastSeatMaps.set(showId, { etag, map });
  else lastSeatMaps.delete(showId);
  return map;
}

// Holds ----------------------------------------------------------------------------------------------

export interface HoldRequest {
  showId: string;
  seatIds: string[];
  /** One per user attempt: a retry of the same attempt names the same hold instead of a second one. */
  idempotencyKey: string;
}

export function createHold({ showId, seatIds, idempotencyKey }: HoldRequest): Promise<Hold> {
  return unwrap(
    api.holds.$post(
      { json: { showId, seatIds, quantity: seatIds.length } },
      { headers: { "Idempotency-Key": idempotencyKey } },
    ),
  );
}

export function changeHold(holdId: string, seatIds: string[]): Promise<Hold> {
  return unwrap(api.holds[":holdId"].$put({ param: { holdId }, json: { seatIds, quantity: seatIds.length } }));
}

export function getHold(holdId: string, signal?: AbortSignal): Promise<Hold> {
  return unwrap(api.holds[":holdId"].$get({ param: { holdId } }, { init: { signal } }));
}

export async function releaseHold(holdId: string): Promise<void> {
  let res: Response;
  try {
    res = (await api.holds[":holdId"].$delete({ param: { holdId } })) as unknown as Response;
  } catch (err) {
    throw new ApiError(0, "NETWORK", err instanceof Error ? err.message : "Network request failed");
  }
  // Gone already is as good as released.
  if (!res.ok && res.status !== 404) throw await ApiError.fromResponse(res);
}

// Orders ---------------------------------------------------------------------------------------------

export function createOrder(holdId: string, customer: CustomerInput): Promise<Order> {
  return unwrap(api.orders.$post({ json: { holdId, customer } }));
}

export function getOrder(orderId: string, signal?: AbortSignal): Promise<Order> {
  return unwrap(api.orders[":orderId"].$get({ param: { orderId } }, { init: { signal } }));
}

export function listOrders(page: number, pageSize: number, signal?: AbortSignal): Promise<OrderList> {
  return unwrap(api.orders.$get({ query: { page: String(page), pageSize: String(pageSize) } }, { init: { signal } }));
}

export function confirmPayment(orderId: string): Promise<Order> {
  return unwrap(api.orders[":orderId"]["confirm-payment"].$post({ param: { orderId } }));
}

export function cancelOrder(orderId: string): Promise<Order> {
  return unwrap(api.orders[":orderId"].cancel.$post({ param: { orderId } }));
}
