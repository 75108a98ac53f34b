import type { Database } from "../db/client";
import { and, count, desc, eq, type SQL } from "../db/drizzle";
import { orderShow, showLayout, showMovie, showTheatre } from "../db/joins";
import { movies, orders, seatLayouts, shows, theatres } from "../db/schema";
import type { SeatLayout } from "../domain/seat-layout";

/**
 * Orders as their views read them (src/orders/order-view.ts): the order row joined with what the
 * answers show of its show, movie, theatre and hall. The writes: order-store.ts, payment-store.ts.
 */

type Order = typeof orders.$inferSelect;

/** One order with what its views need of its show, movie and theatre. */
export interface OrderRow {
  order: Order;
  /** `onsaleEventId`: a paid order of an on-sale event's show ends its buyer's admission. */
  show: Pick<typeof shows.$inferSelect, "startTime" | "status" | "price" | "categoryPrices" | "onsaleEventId">;
  /** The hall's layout; null → the default hall. */
  layout: SeatLayout | null;
  movie: Pick<
    typeof movies.$inferSelect,
    "id" | "title" | "thumbnailUrl" | "language" | "format" | "durationMins" | "ageRating"
  >;
  theatre: Pick<
    typeof theatres.$inferSelect,
    "id" | "name" | "city" | "address" | "cancellationAvailable" | "cancellationCutoffMinutes" | "cancellationFeePct"
  >;
}

const orderViewFields = {
  order: orders,
  show: {
    startTime: shows.startTime,
    status: shows.status,
    price: shows.price,
    categoryPrices: shows.categoryPrices,
    onsaleEventId: shows.onsaleEventId,
  },
  layout: seatLayouts.layout,
  movie: {
    id: movies.id,
    title: movies.title,
    thumbnailUrl: movies.thumbnailUrl,
    language: movies.language,
    format: movies.format,
    durationMins: movies.durationMins,
    ageRating: movies.ageRating,
  },
  theatre: {
    id: theatres.id,
    name: theatres.name,
    city: theatres.city,
    address: theatres.address,
    cancellationAvailable: theatres.cancellationAvailable,
    cancellationCutoffMinutes: theatres.cancellationCutoffMinutes,
    cancellationFeePct: theatres.cancellationFeePct,
  },
};

export const selectOrderViews = (db: Database, where: SQL | undefined) =>
  db
    .select(orderViewFields)
    .from(orders)
    .innerJoin(shows, orderShow)
    .innerJoin(movies, showMovie)
    .innerJoin(theatres, showTheatre)
    .leftJoin(seatLayouts, showLayout)
    .where(where);

/** The caller's order; without a user (a payment webhook) any order of that id. */
export const orderOf = (orderId: string, userId?: string) =>
  and(eq(orders.id, orderId), userId === undefined ? undefined : eq(orders.userId, userId));

export async function findOrder(db: Database, orderId: string, userId: string): Promise<OrderRow | undefined> {
  return (await selectOrderViews(db, orderOf(orderId, userId)))[0];
}

/** Any order of that id (a payment webhook names no user). */
export async function findOrderById(db: Database, orderId: string): Promise<OrderRow | undefined> {
  return (await selectOrderViews(db, orderOf(orderId)))[0];
}

export async function findOrderOfHold(db: Database, holdId: string, userId: string): Promise<OrderRow | undefined> {
  return (await selectOrderViews(db, and(eq(orders.holdId, holdId), eq(orders.userId, userId))))[0];
}

export async function listOrders(db: Database, userId: string, page: number, pageSize: number) {
  const [rows, totals] = await db.batch([
    selectOrderViews(db, eq(orders.userId, userId))
      .orderBy(desc(orders.createdAt), orders.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(orders).where(eq(orders.userId, userId)),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** A transition's answer: the order as it now is, and whether this call made the change. */
export type Transition<Extra = object> = { row: OrderRow; changed: false } | ({ row: OrderRow; changed: true } & Extra);
