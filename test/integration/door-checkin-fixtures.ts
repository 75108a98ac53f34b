// Fixtures of the check-in tests: staff of a show's theatre, a paid order on a show whose doors are
// open, tokens signed with keys the worker does not have (or no longer accepts).
import { eq } from "drizzle-orm";
import { inject } from "vitest";
import { startSession } from "../../src/accounts/session-start";
import { userRoles, users } from "../../src/accounts/tables";
import { shows, theatres } from "../../src/db/schema";
import { checkins } from "../../src/door/tables";
import { ED25519, encodeTicketPayload, joinToken, signedMessage, type Ticket } from "../../src/shared/ticket-token";
import { deps } from "./accounts-helpers";
import { asUser, cancelOrder, createShow, db, newUser, placeOrder } from "./fixtures";
import { call } from "./http";
import { payOrder } from "./payments";

type Role = "admin" | "theatre_manager" | "usher";

/** A signed-up person, with a role at `theatreId` when asked; answers its user id (a UUID). */
export async function staffMember(role?: Role, theatreId: string | null = null): Promise<string> {
  const [user] = await db()
    .insert(users)
    .values({ email: `door.${crypto.randomUUID().slice(0, 12)}@example.com` })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  if (role)
    await db()
      .insert(userRoles)
      .values({ userId: user.id, role, theatreId: role === "admin" ? null : theatreId });
  return user.id;
}

export async function otherTheatre(): Promise<string> {
  const [theatre] = await db().insert(theatres).values({ name: "Door Test Elsewhere" }).returning({ id: theatres.id });
  if (!theatre) throw new Error("no theatre");
  return theatre.id;
}

export const theatreOf = async (showId: string) =>
  (await db().select({ id: shows.theatreId }).from(shows).where(eq(shows.id, showId)))[0]?.id as string;

/** Moves a show's start (after its orders were placed: a started show takes no bookings). */
export const startShowAt = (showId: string, startTime: Date) =>
  db().update(shows).set({ startTime: startTime.toISOString() }).where(eq(shows.id, showId));

export interface PaidTicket {
  userId: string;
  showId: string;
  orderId: string;
  token: string;
}

/** A paid order and its ticket's token, on `showId` (a new show unless given). */
export async function paidTicket(seats: string[], showId?: string): Promise<PaidTicket> {
  const userId = newUser("door");
  const show = showId ?? (await createShow());
  const order = await placeOrder(userId, show, seats);
  const { webhook } = await payOrder(userId, order.orderId);
  if (webhook.status !== 200) throw new Error(`webhook ${webhook.status}`);
  const res = await call(`/api/v1/orders/${order.orderId}/ticket`, { headers: asUser(userId) });
  const { token } = (await res.json()) as { token: string };
  return { userId, showId: show, orderId: order.orderId, token };
}

export async function cancelled(ticket: PaidTicket) {
  const res = await cancelOrder(ticket.userId, ticket.orderId);
  if (res.status !== 200) throw new Error(`cancel ${res.status}`);
}

/** A show started ten minutes ago (doors open) with paid orders of the given seats, some cancelled. */
export async function openShow(seatsPerTicket: string[][], opts: { cancel?: number[] } = {}) {
  const showId = await createShow();
  const tickets: PaidTicket[] = [];
  for (const seats of seatsPerTicket) tickets.push(await paidTicket(seats, showId));
  // Cancelled (refunded) while the theatre still allowed it, before the show starts.
  for (const i of opts.cancel ?? []) await cancelled(tickets[i] as PaidTicket);
  await startShowAt(showId, new Date(Date.now() - 10 * 60_000));
  return { showId, tickets, theatreId: await theatreOf(showId) };
}

/** A genuine-looking ticket signed with `jwk` (its private half), as any key holder could make it. */
export async function signWith(jwk: { kid: string; x: string; d?: string }, ticket: Ticket): Promise<string> {
  const key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d }, ED25519, false, [
    "sign",
  ]);
  const payload = encodeTicketPayload(Number(jwk.kid), ticket);
  return joinToken(payload, new Uint8Array(await crypto.subtle.sign(ED25519, key, signedMessage(payload))));
}

export const expiredKey = () => JSON.parse(inject("expiredTicketKey")) as { kid: string; x: string; d: string };

export async function freshKey(kid: string) {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ["sign", "verify"])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { kid, x: jwk.x as string, d: jwk.d as string };
}

export const admissionsOf = (orderId: string) => db().select().from(checkins).where(eq(checkins.orderId, orderId));

export const scan = (userId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call("/api/v1/checkins", { method: "POST", headers: { ...asUser(userId), ...headers }, json: body });

export const sync = (userId: string, body: Record<string, unknown>) =>
  call("/api/v1/checkins/sync", { method: "POST", headers: asUser(userId), json: body });

/** A real signed-in session's headers (cookies + CSRF token), as the scanner page sends them. */
export async function sessionOf(userId: string) {
  const session = await startSession(deps(), { userId, method: "email", device: "door test" });
  return {
    cookie: `__Host-hf_session=${session.secret}; __Host-hf_access=${session.accessToken}`,
    "x-csrf-token": session.csrfToken,
    origin: "http://localhost",
  };
}
