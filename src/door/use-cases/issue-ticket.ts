import type { Deps } from "../../deps";
import type { OrderStatus } from "../../domain/statuses";
import { getOrder } from "../../orders/use-cases/get-order";
import { signTicket, ticketKeyringOf } from "../ticket-token";
import { ticketVersionOf } from "../ticket-version";

export type IssueTicketOutcome =
  | { outcome: "ISSUED"; token: string; ticketCode: string; keyId: number }
  | { outcome: "ORDER_NOT_FOUND" }
  | { outcome: "NO_TICKET"; status: OrderStatus };

/**
 * The signed ticket of the caller's confirmed order (docs/TICKETS.md). Signed anew on each call
 * with the current key: the same order under the same key is the same token; a cancelled or
 * refunded order has no ticket, and its older tokens carry a version it no longer has.
 */
export async function issueTicket(deps: Deps, input: { orderId: string; userId: string }): Promise<IssueTicketOutcome> {
  const found = await getOrder(deps, input);
  if (found.outcome === "ORDER_NOT_FOUND") return found;
  const { order } = found;
  if (order.status !== "CONFIRMED" || !order.ticketCode) return { outcome: "NO_TICKET", status: order.status };
  const keyring = await ticketKeyringOf(deps.config.TICKET_SIGNING_KEYS);
  const ticket = {
    orderId: order.orderId,
    showId: order.show.id,
    version: await ticketVersionOf(order),
    ticketCode: order.ticketCode,
    holder: order.customer.name ?? "",
    seatIds: order.seatIds,
  };
  const { token, keyId } = await signTicket(keyring.signing, ticket, deps.clock.now());
  return { outcome: "ISSUED", token, ticketCode: order.ticketCode, keyId };
}
