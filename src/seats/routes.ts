import { Hono } from "hono";
import { countAfterResponse } from "../admin/funnel-counts";
import type { AppEnv } from "../app-env";
import { optionalUser, requireUser } from "../auth/identity";
import { depsOfEnv } from "../deps";
import { showIdOfHold } from "../domain/hold-id";
import { etagOf, matchesEtag, noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponse, jsonResponse } from "../http/openapi-doc";
import { clientAddress, rateLimit } from "../http/rate-limit";
import { validate } from "../http/validate";
import { holdResponses, refusal } from "./answers";
import { changeHoldRequest, holdIdParam, holdRequest, holdSchema, seatMapParam, seatMapSchema } from "./schemas";
import { changeHold } from "./use-cases/change-hold";
import { holdSeats } from "./use-cases/hold-seats";
import { readHold } from "./use-cases/read-hold";
import { readSeatMap } from "./use-cases/read-seat-map";
import { releaseHold } from "./use-cases/release-hold";

type UserEnv = AppEnv & { Variables: { userId: string } };

const deps = (c: { env: Env; var: AppEnv["Variables"] }) => depsOfEnv(c.env, c.var.config);

const holdsRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => c.var.userId);
// Releasing frees seats, so it has a budget of its own: a user out of hold writes can still let go.
const releaseRateLimit = rateLimit<UserEnv>("HOLDS_RATE_LIMITER", (c) => `release:${c.var.userId}`);
// The seat map is polled, by guests too: a generous budget per client address.
const seatMapRateLimit = rateLimit<AppEnv>("SEATMAP_RATE_LIMITER", clientAddress);

export const seatRoutes = new Hono<AppEnv>()
  .get(
    "/shows/:showId/seatmap",
    describeRoute({
      tags: ["Seats"],
      summary: "Every seat's state (AVAILABLE, HELD, BOOKED; `mine` for the caller's), with the hall layout",
      description:
        "One Redis round trip on a warm show (a show Redis has not seen is first rebuilt from the database). Poll with If-None-Match: unchanged maps answer 304.",
      responses: {
        200: jsonResponse("The seat map", seatMapSchema),
        304: { description: "Unchanged since the ETag sent" },
        400: errorResponse("showId is not a UUID"),
        404: errorResponse("No such show"),
        429: errorResponse("Too many requests from this address"),
        503: errorResponse("Seat service unavailable"),
      },
    }),
    seatMapRateLimit,
    validate("param", seatMapParam),
    optionalUser,
    async (c) => {
      const result = await readSeatMap(deps(c), { showId: c.req.valid("param").showId, userId: c.var.userId });
      if (result.outcome !== "SEAT_MAP") throw refusal(result);
      const body = JSON.stringify(result.map);
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
        "One Redis round trip on a warm show. Send an Idempotency-Key to make retries safe: the same key names the same hold, and once that hold became an order the key answers 409.",
      responses: {
        201: jsonResponse("The hold (status HELD)", holdSchema),
        200: jsonResponse("A retried request (same Idempotency-Key): the hold it made", holdSchema),
        ...holdResponses,
        409: errorResponse("SEAT_TAKEN (with the taken seats), HOLD_LIMIT or IDEMPOTENCY_KEY_REUSED"),
        410: errorResponse("A retried request whose hold has expired"),
      },
    }),
    requireUser,
    holdsRateLimit,
    validate("json", holdRequest),
    async (c) => {
      const idempotencyKey = c.req.header("idempotency-key");
      if (idempotencyKey && idempotencyKey.length > 200)
        throw new ApiError("BAD_REQUEST", "Idempotency-Key is too long");
      const result = await holdSeats(deps(c), { ...c.req.valid("json"), userId: c.var.userId, idempotencyKey });
      if (result.outcome === "HELD") {
        countAfterResponse(c, result.hold.showId, "held");
        return c.json(result.hold, 201, { Location: `/api/v1/holds/${result.hold.holdId}` });
      }
      if (result.outcome === "HOLD_EXISTS") return c.json(result.hold, 200);
      throw refusal(result);
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
      const result = await readHold(deps(c), { userId: c.var.userId, holdId: c.req.valid("param").holdId });
      if (result.outcome !== "HOLD") throw refusal(result);
      return c.json(result.hold, 200, noStore);
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
        409: errorResponse("SEAT_TAKEN, HOLD_CHANGED, or the hold is already an order"),
        410: errorResponse("Expired"),
      },
    }),
    requireUser,
    holdsRateLimit,
    validate("param", holdIdParam),
    validate("json", changeHoldRequest),
    async (c) => {
      const { holdId } = c.req.valid("param");
      const result = await changeHold(deps(c), { ...c.req.valid("json"), holdId, userId: c.var.userId });
      if (result.outcome !== "SWAPPED") throw refusal(result);
      return c.json(result.hold, 200);
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
    releaseRateLimit,
    validate("param", holdIdParam),
    async (c) => {
      const result = await releaseHold(deps(c), { userId: c.var.userId, holdId: c.req.valid("param").holdId });
      if (result.outcome !== "RELEASED") throw refusal(result);
      const showId = showIdOfHold(c.req.valid("param").holdId);
      if (showId) countAfterResponse(c, showId, "released");
      return c.body(null, 204);
    },
  );
