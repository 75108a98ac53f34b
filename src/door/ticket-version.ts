import type { OrderView } from "../orders/schemas";

/**
 * A ticket's version: a 32-bit digest of what admission depends on in the order — its status, its
 * seats, when it was confirmed and cancelled. It needs no column of its own: any cancellation,
 * refund or change of seats gives the order another version, so a token issued before no longer
 * matches it (docs/TICKETS.md: versions). Only equality means anything; it is not a counter.
 */
export async function ticketVersionOf(
  order: Pick<OrderView, "orderId" | "status" | "seatIds" | "confirmedAt" | "cancelledAt">,
): Promise<number> {
  const state = [
    order.orderId,
    order.status,
    [...order.seatIds].sort().join(","),
    order.confirmedAt,
    order.cancelledAt,
  ];
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(state)));
  return new DataView(digest).getUint32(0);
}
