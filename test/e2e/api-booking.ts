/**
 * Booking through the API, for scenarios that start at a ticket (the door): a guest identity, a
 * hold, an order, and the payment that confirms it (the one confirm helper).
 */
import { expect } from "vitest";
import { confirmOrderForTest } from "../support/confirm-order.ts";

export interface GuestIdentity {
  token: string;
  userId: string;
  expiresAt: string;
}

export interface GuestTicket {
  identity: GuestIdentity;
  /** The guest's headers for further API calls (bearer token, JSON). */
  auth: Record<string, string>;
  orderId: string;
  /** The signed ticket token GET /orders/{id}/ticket answers (what the QR code carries). */
  token: string;
}

/** A new guest books `seatIds` on `showId` and pays; answers the confirmed order's ticket. */
export async function guestTicket(baseUrl: string, showId: string, seatIds: string[]): Promise<GuestTicket> {
  const identity = (await (await fetch(`${baseUrl}/api/v1/auth/guest`, { method: "POST" })).json()) as GuestIdentity;
  const auth = { authorization: `Bearer ${identity.token}`, "content-type": "application/json" };
  const hold = await fetch(`${baseUrl}/api/v1/holds`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ showId, seatIds, quantity: seatIds.length }),
  });
  expect(hold.status).toBe(201);
  const { holdId } = (await hold.json()) as { holdId: string };
  const customer = { name: "Asha Rao", email: "asha@example.in", phone: "+91 98765 43210" };
  const order = await fetch(`${baseUrl}/api/v1/orders`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ holdId, customer }),
  });
  expect(order.status).toBe(201);
  const { orderId } = (await order.json()) as { orderId: string };
  await confirmOrderForTest((p, init) => fetch(`${baseUrl}${p}`, init), orderId, auth);
  const ticket = await fetch(`${baseUrl}/api/v1/orders/${orderId}/ticket`, { headers: auth });
  expect(ticket.status).toBe(200);
  const { token } = (await ticket.json()) as { token: string };
  return { identity, auth, orderId, token };
}
