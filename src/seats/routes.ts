import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../app-env";
import { optionalUser, requireUser } from "../auth/identity";
import { type ShowBookingInfo, showBookingInfo } from "../catalog/show-info";
import { databaseOf } from "../db/client";
import { newHoldId, showIdOfHold } from "../domain/hold-id";
import { categoryPrices } from "../domain/pricing";
import { seatIdsOf } from "../domain/seat-layout";
import { bookingClosedReason, checkSelection, priceSelection, sortSeats } from "../domain/seat-selection";
import { etagOf, matchesEtag } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { errorResponse, jsonResponse } from "../http/openapi-doc";
import { rateLimit } from "../http/rate-limit";
import { validate } from "../http/validate";
import {
  changeHoldRequest,
  type HoldView,
  holdIdParam,
  holdRequest,
  holdSchema,
  type SeatMap,
  seatMapParam,
  seatMapSchema,
} from "./schemas";
import { type HoldRecord, seatStoreOf } from "./seat-store";

/** A user may hold seats of one show through at most this many live holds (no hoarding a hall). */
export const MAX_ACTIVE_HOLDS_PER_SHOW = 2;

type UserEnv = AppEnv & { Variables: { userId: string } };

const showNotFound = () => new ApiError("SHOW_NOT_FOUND", "No such show");
const holdNotFound = () => new ApiError("HOLD_NOT_FOUND", "No such hold");
const holdExpired = () => new ApiError("HOLD_EXPIRED", "This hold has expired; choose your seats again");
const seatTaken = (seats: string[]) =>
  new ApiError("SEAT_TAKEN", `Sorry, ${seats.join(", ")} ${seats.length === 1 ? "was" : "were"} just taken`, {
    seats,
  });

async function bookingInfo(c: { var: AppEnv["Variables"] }, showId: string): Promise<ShowBookingInfo> {
  const info = await showBookingInfo(databaseOf(c.var.config), showId);
  if (!info) throw showNotFound();
  return info;
}

/** Checks a selection against the hall and the show's state; the seats come back in hall order. */
function acceptSelection(info: ShowBookingInfo, seatIds: string[], quantity: number, maxSeats: number, now: Date) {
  const closed = bookingClosedReason(info, now);
  if (closed) throw new ApiError("HOLD_RULE_BROKEN", closed, { rule: "SHOW_CLOSED" });
  const problem = checkSelection(info.layout, seatIds, quantity, maxSeats);
  if (problem) throw new ApiError("HOLD_RULE_BROKEN", problem.message, { ...problem });
  return sortSeats(info.layout, seatIds);
}

function viewOf(hold: HoldRecord, info: ShowBookingInfo): HoldView {
  const { seats, amount } = priceSelection(info.layout, info.price, hold.seatIds);
  return {
    holdId: hold.holdId,
    showId: hold.showId,
    seatIds: hold.seatIds,
    quantity: hold.quantity,
    status: hold.status,
    createdAt: hold.createdAt,
    expiresAt: hold.expiresAt,
    seats,
    amount,
  };
}

/** The caller's hold, or 404 (someone else's hold is indistinguishable from none). */
async function ownHold(c: { var: UserEnv["Variables"] }, holdId: string): Promise<HoldRecord> {
  const showId = showIdOfHold(holdId);
  const hold = showId ? await seatStoreOf(c.var.config).readHold(showId, holdId) : undefined;
  if (!hold || hold.userId !== c.var.userId) throw holdNotFound();
  return hold;
}

/** With an Idempotency-Key, a retried POST names the same hold instead of making a second one. */
async function holdIdFor(userId: string, showId: string, idempotencyKey: string | undefined): Promise<string> {
  if (!idempotencyKey) return newHoldId(showId);
  if (idempotencyKey.length > 200) throw new ApiError("BAD_REQUEST", "Idempotency-Key is too long");
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${userId}\n${showId}\n${idempotencyKey}`),
  );
  return newHoldId(showId, new Uint8Array(digest).slice(0, 12));
}

const holdResponses = {
  400: errorResponse("Invalid input, or a booking rule broken (`rule` says which)"),
  401: errorResponse("No identity"),
  404: errorResponse("Unknown show, or not your hold"),
  429: errorResponse("Too many requests"),
  503: errorResponse("Seat service unavailable"),
};

const holdsRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => c.var.userId);

export const seatRoutes = new Hono<AppEnv>()
  .get(
    "/shows/:showId/seatmap",
    describeRoute({
      tags: ["Seats"],
      summary: "Every seat's state (AVAILABLE, HELD, BOOKED; `mine` for the caller's), with the hall layout",
      description: "One Redis round trip on a warm show. Poll with If-None-Match: unchanged maps answer 304.",
      responses: {
        200: jsonResponse("The seat map", seatMapSchema),
        304: { description: "Unchanged since the ETag sent" },
        400: errorResponse("showId is not a UUID"),
        404: errorResponse("No such show"),
        503: errorResponse("Seat service unavailable"),
      },
    }),
    validate("param", seatMapParam),
    optionalUser,
    async (c) => {
      const { showId } = c.req.valid("param");
      const info = await bookingInfo(c, showId);
      const seatIds = seatIdsOf(info.layout);
      const { booked, owners } = await seatStoreOf(c.var.config).readSeatStates(showId, seatIds);
      const mine = c.var.userId ? `${c.var.userId}:` : undefined;
      const counts = { total: seatIds.length, available: 0, held: 0, booked: 0 };
      const closedReason = bookingClosedReason(info, new Date());
      const map: SeatMap = {
        showId,
        startTime: info.startTime,
        bookable: !closedReason,
        ...(closedReason ? { closedReason } : {}),
        maxSeatsPerHold: c.var.config.MAX_SEATS_PER_HOLD,
        categories: categoryPrices(info.layout, info.price),
        rows: info.layout.rows.map((row) => ({
          label: row.label,
          category: row.category,
          seats: row.columns.map((n) => {
            if (n === null) return null;
            const seatId = `${row.label}${n}`;
            const owner = owners.get(seatId);
            const state = booked.has(seatId) ? "BOOKED" : owner ? "HELD" : "AVAILABLE";
            counts[state === "BOOKED" ? "booked" : state === "HELD" ? "held" : "available"] += 1;
            return { seatId, number: n, state, mine: state === "HELD" && !!mine && !!owner?.startsWith(mine) };
          }),
        })),
        counts,
      };
      const body = JSON.stringify(map);
      const etag = await etagOf(new TextEncoder().encode(body).buffer as ArrayBuffer);
      // Per caller ("mine") and live: the browser may keep it but must revalidate every time.
      const headers = { "Cache-Control": "private, no-cache", ETag: etag, Vary: "Authorization, x-user-id" };
      if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
      return c.body(body, 200, { ...headers, "Content-Type": "application/json" });
    },
  )
  .post(
    "/holds",
    describeRoute({
      tags: ["Seats"],
      summary: "Hold seats: all of them or none",
      description:
        "One Redis round trip on a warm show. Send an Idempotency-Key to make retries safe: the same key names the same hold.",
      responses: {
        201: jsonResponse("The hold (status HELD)", holdSchema),
        200: jsonResponse("A retried request (same Idempotency-Key): the hold it made", holdSchema),
        ...holdResponses,
        409: errorResponse("SEAT_TAKEN (with the taken seats) or HOLD_LIMIT"),
        410: errorResponse("A retried request whose hold has expired"),
      },
    }),
    requireUser,
    holdsRateLimit,
    validate("json", holdRequest),
    async (c) => {
      const { showId, seatIds: requested, quantity } = c.req.valid("json");
      const { config, userId } = c.var;
      const now = new Date();
      const info = await bookingInfo(c, showId);
      const seatIds = acceptSelection(info, requested, quantity, config.MAX_SEATS_PER_HOLD, now);
      const holdId = await holdIdFor(userId, showId, c.req.header("idempotency-key"));
      const ttlMs = config.HOLD_TTL_SECONDS * 1000;
      const hold: HoldRecord = {
        holdId,
        showId,
        userId,
        seatIds,
        quantity,
        status: "HELD",
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
        expiresAtMs: now.getTime() + ttlMs,
      };
      const result = await seatStoreOf(c.var.config).holdSeats(hold, {
        now: now.getTime(),
        ttlMs,
        maxActiveHolds: MAX_ACTIVE_HOLDS_PER_SHOW,
      });
      switch (result.outcome) {
        case "HELD":
          return c.json(viewOf(hold, info), 201, { Location: `/api/v1/holds/${holdId}` });
        case "SEAT_TAKEN":
          throw seatTaken(result.seats);
        case "HOLD_LIMIT":
          throw new ApiError(
            "HOLD_LIMIT",
            `You already hold seats for this show ${result.active} times; release a hold or wait for it to expire`,
            { limit: MAX_ACTIVE_HOLDS_PER_SHOW },
          );
        case "EXISTS": {
          const { existing } = result;
          const same = existing.userId === userId && existing.seatIds.join(",") === seatIds.join(",");
          if (!same) {
            throw new ApiError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request");
          }
          if (existing.status === "HELD" && existing.expiresAtMs <= now.getTime()) throw holdExpired();
          return c.json(viewOf(existing, info), 200);
        }
      }
    },
  )
  .get(
    "/holds/:holdId",
    describeRoute({
      tags: ["Seats"],
      summary: "The caller's hold",
      responses: { 200: jsonResponse("The hold", holdSchema), ...holdResponses, 410: errorResponse("Expired") },
    }),
    requireUser,
    validate("param", holdIdParam),
    async (c) => {
      const hold = await ownHold(c, c.req.valid("param").holdId);
      if (hold.status === "HELD" && hold.expiresAtMs <= Date.now()) throw holdExpired();
      return c.json(viewOf(hold, await bookingInfo(c, hold.showId)), 200, { "Cache-Control": "no-store" });
    },
  )
  .put(
    "/holds/:holdId",
    describeRoute({
      tags: ["Seats"],
      summary: "Swap the held seats atomically (expiry unchanged)",
      responses: {
        200: jsonResponse("The hold with its new seats", holdSchema),
        ...holdResponses,
        409: errorResponse("SEAT_TAKEN, or the hold is already an order"),
        410: errorResponse("Expired"),
      },
    }),
    requireUser,
    holdsRateLimit,
    validate("param", holdIdParam),
    validate("json", changeHoldRequest),
    async (c) => {
      const { seatIds: requested, quantity } = c.req.valid("json");
      const now = new Date();
      const current = await ownHold(c, c.req.valid("param").holdId);
      const info = await bookingInfo(c, current.showId);
      if (current.status !== "HELD") throw notChangeable(current.status);
      if (current.expiresAtMs <= now.getTime()) throw holdExpired();
      const seatIds = acceptSelection(info, requested, quantity, c.var.config.MAX_SEATS_PER_HOLD, now);
      const next: HoldRecord = { ...current, seatIds, quantity };
      const result = await seatStoreOf(c.var.config).changeHeldSeats(current, next, now.getTime());
      switch (result.outcome) {
        case "CHANGED":
          return c.json(viewOf(next, info), 200);
        case "SEAT_TAKEN":
          throw seatTaken(result.seats);
        case "EXPIRED":
          throw holdExpired();
        case "GONE":
          throw holdNotFound();
        case "NOT_HELD":
          throw notChangeable(result.status);
        case "RACED":
          throw new ApiError("HOLD_CHANGED", "This hold changed at the same moment; please try again");
      }
    },
  )
  .delete(
    "/holds/:holdId",
    describeRoute({
      tags: ["Seats"],
      summary: "Release the held seats",
      responses: {
        204: { description: "Released (also when it had already expired)" },
        ...holdResponses,
        409: errorResponse("The hold is already an order: cancel the order instead"),
      },
    }),
    requireUser,
    validate("param", holdIdParam),
    async (c) => {
      const hold = await ownHold(c, c.req.valid("param").holdId);
      const result = await seatStoreOf(c.var.config).releaseHold(hold);
      if (result.outcome === "NOT_HELD") throw notChangeable(result.status);
      if (result.outcome === "RACED") {
        throw new ApiError("HOLD_CHANGED", "This hold changed at the same moment; please try again");
      }
      return c.body(null, 204);
    },
  );

const notChangeable = (status: string) =>
  new ApiError("HOLD_NOT_CHANGEABLE", `This hold is ${status.toLowerCase()}; cancel the order instead`, {
    status,
  });
