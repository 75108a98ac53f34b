import { type CustomerInput, SEAT_MAP_SNAPSHOT_DEFAULT_MS } from "@housefull/shared";
import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { ApiError, type ApiResponse, api, noAnswer, unwrap } from "../../../api/client";
import type { SeatMap } from "../../../api/contract";
import { orderKeys } from "../../../api/order-keys";
import { admissionHeaders, orderAdmissionHeaders } from "../../onsale/lib/admission";
import { getSeatMap, SEAT_MAP_REFRESH_MS, seatMapKey } from "./seat-map-read";

export type { SeatMap };
export type SeatMapRow = SeatMap["rows"][number];
export type SeatMapSeat = NonNullable<SeatMapRow["seats"][number]>;

export type Hold = InferResponseType<typeof api.holds.$post, 201>;
export type Order = InferResponseType<(typeof api.orders)[":orderId"]["$get"], 200>;

export { SEAT_MAP_REFRESH_MS };

export const bookingKeys = {
  seatMap: seatMapKey,
  hold: (holdId: string) => ["holds", holdId] as const,
};

// Seat map ---------------------------------------------------------------------------------------------

/**
 * The map as a refusal just told it: `seatIds` are someone else's now. Customers' maps come from a
 * shared snapshot up to a second old (docs/API.md: seat map), so a map read straight after the
 * refusal may still show them free; the page shows what the hold was refused on instead.
 */
export function withSeatsTaken(map: SeatMap, seatIds: readonly string[]): SeatMap {
  const taken = new Set(seatIds);
  return {
    ...map,
    rows: map.rows.map((row) => ({
      ...row,
      seats: row.seats.map((seat) =>
        seat && taken.has(seat.seatId) && seat.state === "AVAILABLE" ? { ...seat, state: "HELD", mine: false } : seat,
      ),
    })),
  };
}

/** How long a shared seat-map snapshot may lag a hold, with a margin for the round trip. */
export const SEAT_MAP_SNAPSHOT_LAG_MS = SEAT_MAP_SNAPSHOT_DEFAULT_MS + 500;

export const seatMapQuery = (showId: string) =>
  queryOptions({
    queryKey: bookingKeys.seatMap(showId),
    queryFn: ({ signal }) => getSeatMap(showId, signal),
    staleTime: 0,
    // A map read less than a poll ago (the entry's read as the route matched, beside the page's
    // code: ./seat-map-read.ts) is not asked for again as the page mounts; the poll follows.
    refetchOnMount: (query) => Date.now() - query.state.dataUpdatedAt >= SEAT_MAP_REFRESH_MS,
    refetchInterval: SEAT_MAP_REFRESH_MS,
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  });

// Holds ----------------------------------------------------------------------------------------------

export interface HoldRequest {
  showId: string;
  seatIds: string[];
  /** One per user attempt: a retry of the same attempt names the same hold instead of a second one. */
  idempotencyKey: string;
}

/** POST /holds */
export function createHold({ showId, seatIds, idempotencyKey }: HoldRequest): Promise<Hold> {
  return unwrap(
    api.holds.$post(
      { json: { showId, seatIds, quantity: seatIds.length } },
      { headers: { "Idempotency-Key": idempotencyKey, ...admissionHeaders(showId) } },
    ),
  );
}

export interface BestHoldRequest {
  showId: string;
  quantity: number;
  /** Two adjacent rows are fine when no row has them all. */
  allowSplit: boolean;
  idempotencyKey: string;
}

/** POST /holds with `best`: the API picks the best seats together and holds them in the same script. */
export function createBestHold({ showId, quantity, allowSplit, idempotencyKey }: BestHoldRequest): Promise<Hold> {
  return unwrap(
    api.holds.$post(
      { json: { showId, best: { quantity, allowSplit } } },
      // An on-sale's admission goes along as with chosen seats: the best seats are a hold like any other.
      { headers: { "Idempotency-Key": idempotencyKey, ...admissionHeaders(showId) } },
    ),
  );
}

/** PUT /holds/{holdId} */
export function changeHold(holdId: string, seatIds: string[]): Promise<Hold> {
  return unwrap(api.holds[":holdId"].$put({ param: { holdId }, json: { seatIds, quantity: seatIds.length } }));
}

/** DELETE /holds/{holdId}; gone already is as good as released. */
export async function releaseHold(holdId: string): Promise<void> {
  let res: ApiResponse;
  try {
    res = await api.holds[":holdId"].$delete({ param: { holdId } });
  } catch (err) {
    throw noAnswer(err);
  }
  if (!res.ok && res.status !== 404) throw await ApiError.fromResponse(res);
}

/** GET /holds/{holdId} */
export const holdQuery = (holdId: string) =>
  queryOptions({
    queryKey: bookingKeys.hold(holdId),
    queryFn: ({ signal }) => unwrap(api.holds[":holdId"].$get({ param: { holdId } }, { init: { signal } })),
    staleTime: 15_000,
  });

// Orders ---------------------------------------------------------------------------------------------

/** POST /orders, naming the hold's seats (one round trip instead of two), and on an on-sale its admission. */
export function createOrder(
  hold: Pick<Hold, "holdId" | "seatIds" | "showId">,
  customer: CustomerInput,
): Promise<Order> {
  return unwrap(
    api.orders.$post(
      { json: { holdId: hold.holdId, seatIds: hold.seatIds, customer } },
      { headers: orderAdmissionHeaders(hold.showId) },
    ),
  );
}

/** POST /orders/{orderId}/payment: the provider's checkout page for this order (one per order). */
export function startPayment(orderId: string): Promise<{ url: string }> {
  return unwrap(api.orders[":orderId"].payment.$post({ param: { orderId } }));
}

/** POST /orders/{orderId}/cancel */
export function cancelOrder(orderId: string): Promise<Order> {
  return unwrap(api.orders[":orderId"].cancel.$post({ param: { orderId } }));
}

/** GET /orders/{orderId} (`enabled` off for an empty id). */
export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => unwrap(api.orders[":orderId"].$get({ param: { orderId } }, { init: { signal } })),
    staleTime: 5_000,
    enabled: Boolean(orderId),
  });
