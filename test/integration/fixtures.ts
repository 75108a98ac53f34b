import { env } from "cloudflare:workers";
import { Redis } from "@upstash/redis/cloudflare";
import { eq, sql } from "drizzle-orm";
import { databaseOf } from "../../src/db/client";
import { movies, seatLayouts, shows, theatres } from "../../src/db/schema";
import type { SeatLayout } from "../../src/domain/seat-layout";
import { configOf } from "../../src/env";
import { liveLocks } from "../support/seat-locks";
import { call } from "./http";

export const db = () => databaseOf(configOf(env));

/**
 * A show of its own for one test (so tests never share seats): tomorrow-ish, default hall unless
 * a layout is asked for. Inserted through the worker's own Neon client.
 */
export async function createShow(
  opts: {
    startsInMs?: number;
    /** Added at random to the start (default up to an hour, so shows rarely share a start); 0 for exact. */
    jitterMs?: number;
    status?: "AVAILABLE" | "CANCELLED";
    price?: string;
    largeHall?: boolean;
    cancellationAvailable?: boolean;
    /** A theatre of the test's own (else any seeded one that allows cancellation as asked). */
    theatreId?: string;
    /** A hall of the test's own. */
    layout?: SeatLayout;
    /** The show's orphan rule on manual picks (default off, as the column). */
    orphanRule?: boolean;
  } = {},
): Promise<string> {
  const [movie] = await db().select({ id: movies.id }).from(movies).limit(1);
  const [theatre] = opts.theatreId
    ? [{ id: opts.theatreId }]
    : await db()
        .select({ id: theatres.id })
        .from(theatres)
        .where(eq(theatres.cancellationAvailable, opts.cancellationAvailable ?? true))
        .limit(1);
  if (!movie || !theatre) throw new Error("seed data missing");
  let layoutId: string | null = null;
  if (opts.largeHall) {
    const [layout] = await db()
      .select({ id: seatLayouts.id })
      .from(seatLayouts)
      .orderBy(sql`${seatLayouts.rows} * ${seatLayouts.cols} desc`)
      .limit(1);
    layoutId = layout?.id ?? null;
  }
  if (opts.layout) {
    const cols = Math.max(...opts.layout.rows.map((r) => r.columns.length));
    const [layout] = await db()
      .insert(seatLayouts)
      .values({ rows: opts.layout.rows.length, cols, layout: opts.layout })
      .returning({ id: seatLayouts.id });
    layoutId = layout?.id ?? null;
  }
  const startTime = new Date(
    Date.now() + (opts.startsInMs ?? 86_400_000) + Math.floor(Math.random() * (opts.jitterMs ?? 3_600_000)),
  );
  const [show] = await db()
    .insert(shows)
    .values({
      movieId: movie.id,
      theatreId: theatre.id,
      layoutId,
      startTime: startTime.toISOString(),
      price: opts.price ?? "200.00",
      status: opts.status ?? "AVAILABLE",
      orphanRule: opts.orphanRule ?? false,
    })
    .returning({ id: shows.id });
  if (!show) throw new Error("show not created");
  return show.id;
}

/** A theatre of its own cancellation policy: `feePct` % of the tickets' price kept, until 30 minutes before. */
export async function policyTheatre(policy: { feePct: string; convenienceFee: string }): Promise<string> {
  const [theatre] = await db()
    .insert(theatres)
    .values({
      name: `Policy Cinema ${crypto.randomUUID().slice(0, 8)}`,
      city: "Pune",
      cancellationCutoffMinutes: 30,
      cancellationFeePct: policy.feePct,
      convenienceFee: policy.convenienceFee,
    })
    .returning({ id: theatres.id });
  if (!theatre) throw new Error("theatre not created");
  return theatre.id;
}

export async function setShowStatus(showId: string, status: "AVAILABLE" | "CANCELLED") {
  await db().update(shows).set({ status }).where(eq(shows.id, showId));
}

let users = 0;
/** A user id no other test uses. */
export const newUser = (label = "user") =>
  `${label}-${Date.now().toString(36)}-${(users++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const asUser = (userId: string) => ({ "x-user-id": userId });

export interface Hold {
  holdId: string;
  showId: string;
  seatIds: string[];
  quantity: number;
  status: string;
  createdAt: string;
  expiresAt: string;
  seats: { seatId: string; category: string; price: string }[];
  amount: string;
}

export function postHold(userId: string, showId: string, seatIds: string[], headers: Record<string, string> = {}) {
  return call("/api/v1/holds", {
    method: "POST",
    headers: { ...asUser(userId), ...headers },
    json: { showId, seatIds, quantity: seatIds.length },
  });
}

/** POST /holds with `best`: the seats chosen (and held) by the hold script. */
export function postBestHold(
  userId: string,
  showId: string,
  best: { quantity: number; category?: string; allowSplit?: boolean },
  headers: Record<string, string> = {},
) {
  return call("/api/v1/holds", { method: "POST", headers: { ...asUser(userId), ...headers }, json: { showId, best } });
}

export function putHold(userId: string, holdId: string, seatIds: string[]) {
  return call(`/api/v1/holds/${holdId}`, {
    method: "PUT",
    headers: asUser(userId),
    json: { seatIds, quantity: seatIds.length },
  });
}

export const getHold = (userId: string, holdId: string) => call(`/api/v1/holds/${holdId}`, { headers: asUser(userId) });
export const deleteHold = (userId: string, holdId: string) =>
  call(`/api/v1/holds/${holdId}`, { method: "DELETE", headers: asUser(userId) });

export interface SeatMapBody {
  showId: string;
  bookable: boolean;
  onsaleEventId?: string;
  rows: { label: string; seats: ({ seatId: string; state: string; mine: boolean } | null)[] }[];
  counts: { total: number; available: number; held: number; booked: number };
}

/** The seat map as `userId` sees it; with `holdId` (their hold on the show) its seats come back `mine`. */
export async function seatMap(showId: string, userId?: string, holdId?: string): Promise<SeatMapBody> {
  const query = holdId ? `?holdId=${encodeURIComponent(holdId)}` : "";
  const res = await call(`/api/v1/shows/${showId}/seatmap${query}`, { headers: userId ? asUser(userId) : {} });
  if (res.status !== 200) throw new Error(`seat map: ${res.status}`);
  return (await res.json()) as SeatMapBody;
}

/** Seat id → state, from a seat map. */
export function statesOf(map: SeatMapBody): Map<string, { state: string; mine: boolean }> {
  return new Map(
    map.rows.flatMap((r) => r.seats.flatMap((s) => (s ? [[s.seatId, { state: s.state, mine: s.mine }]] : []))),
  );
}

/**
 * Redis as tests read and bend it: the full @upstash/redis client (every command), on the worker's
 * REST endpoint and settings. The worker itself carries only the calls it makes (src/redis/client.ts).
 */
const testClients = new WeakMap<ReturnType<typeof configOf>, Redis>();
export function redis(): Redis {
  const config = configOf(env);
  let client = testClients.get(config);
  if (!client) {
    client = new Redis({
      url: config.UPSTASH_REDIS_REST_URL,
      token: config.UPSTASH_REDIS_REST_TOKEN,
      automaticDeserialization: false,
      enableTelemetry: false,
    });
    testClients.set(config, client);
  }
  return client;
}

/** Runs the worker's scheduled handler once, as the every-minute cron would. */
export async function runCron(): Promise<void> {
  const { createExecutionContext, createScheduledController, waitOnExecutionContext } = await import("cloudflare:test");
  const worker = (await import("../../src/index")).default;
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

export const customer = { name: "Asha Rao", email: "asha.rao@example.com", phone: "+91 98765 43210" };

export interface Order {
  orderId: string;
  status: string;
  holdId: string;
  seatIds: string[];
  amount: string;
  ticketCode: string | null;
  expiresAt: string;
  cancellable: boolean;
  customer: { name: string; email: string; phone: string };
  show: {
    id: string;
    startTime: string;
    movie: { title: string };
    theatre: { name: string; cancellationAvailable: boolean };
  };
}

/** POST /orders; with `seatIds` (the hold's seats, as the web sends them) it is one round trip. */
export const postOrder = (userId: string, holdId: string, who = customer, seatIds?: string[]) =>
  call("/api/v1/orders", { method: "POST", headers: asUser(userId), json: { holdId, seatIds, customer: who } });

/** The old confirm route: now a status read that confirms nothing (only the provider's webhook does). */
export const confirmPaymentRoute = (userId: string, orderId: string) =>
  call(`/api/v1/orders/${orderId}/confirm-payment`, { method: "POST", headers: asUser(userId) });

export const cancelOrder = (userId: string, orderId: string) =>
  call(`/api/v1/orders/${orderId}/cancel`, { method: "POST", headers: asUser(userId) });

/** Holds `seats` and orders them: the order, PAYMENT_PENDING. */
export async function placeOrder(userId: string, showId: string, seats: string[]): Promise<Order> {
  const hold = await postHold(userId, showId, seats);
  if (hold.status !== 201) throw new Error(`hold failed: ${hold.status} ${await hold.text()}`);
  const { holdId } = (await hold.json()) as Hold;
  const res = await postOrder(userId, holdId, customer, seats);
  if (res.status !== 201) throw new Error(`order failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}

/** Every live seat lock of a show, read straight from Redis (the show's locks hash): seat id → owner. */
export const locksOf = (showId: string): Promise<Map<string, string>> => liveLocks(redis(), showId);
