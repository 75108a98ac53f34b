import { Hono } from "hono";
import { countAfterResponse } from "../admin/funnel-counts";
import type { AppEnv } from "../app-env";
import { optionalUser, requireUser } from "../auth/identity";
import { depsOfEnv } from "../deps";
import { showIdOfHold } from "../domain/hold-id";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute } from "../http/openapi-doc";
import { clientAddress, rateLimit } from "../http/rate-limit";
import { validate } from "../http/validate";
import { ADMISSION_HEADER } from "../shared/admission-header";
import { refusal, seatMapAnswer } from "./answers";
import { changeHoldDoc, holdSeatsDoc, readHoldDoc, releaseHoldDoc, seatMapDoc } from "./route-docs";
import { changeHoldRequest, holdIdParam, holdRequest, seatMapParam, seatMapQuery } from "./schemas";
import { changeHold } from "./use-cases/change-hold";
import { holdBestSeats } from "./use-cases/hold-best-seats";
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
    describeRoute(seatMapDoc),
    seatMapRateLimit,
    validate("param", seatMapParam),
    validate("query", seatMapQuery),
    optionalUser,
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query"), userId: c.var.userId };
      const result = await readSeatMap(deps(c), input);
      if (result.outcome !== "SEAT_MAP") throw refusal(result);
      return seatMapAnswer(result.map, c.req.header("if-none-match"));
    },
  )
  .post(
    "/holds",
    describeRoute(holdSeatsDoc),
    requireUser,
    holdsRateLimit,
    validate("json", holdRequest),
    async (c) => {
      const idempotencyKey = c.req.header("idempotency-key");
      if (idempotencyKey && idempotencyKey.length > 200)
        throw new ApiError("BAD_REQUEST", "Idempotency-Key is too long");
      const body = c.req.valid("json");
      const request = {
        userId: c.var.userId,
        idempotencyKey,
        admissionToken: c.req.header(ADMISSION_HEADER),
        clientAddress: clientAddress(c),
      };
      const result =
        "best" in body
          ? await holdBestSeats(deps(c), { ...body, ...request })
          : await holdSeats(deps(c), { ...body, ...request });
      if (result.outcome === "HELD") {
        countAfterResponse(c, result.hold.showId, "held");
        return c.json(result.hold, 201, { Location: `/api/v1/holds/${result.hold.holdId}` });
      }
      if (result.outcome === "HOLD_EXISTS") return c.json(result.hold, 200);
      if (result.outcome === "ADMISSION_REQUIRED" || result.outcome === "ADMISSION_REFUSED") {
        const { outcome } = result;
        deps(c).afterResponse("refusal count", () => deps(c).seats.countRefusal(outcome));
      }
      throw refusal(result);
    },
  )
  .get("/holds/:holdId", describeRoute(readHoldDoc), requireUser, validate("param", holdIdParam), async (c) => {
    const result = await readHold(deps(c), { userId: c.var.userId, holdId: c.req.valid("param").holdId });
    if (result.outcome !== "HOLD") throw refusal(result);
    return c.json(result.hold, 200, noStore);
  })
  .put(
    "/holds/:holdId",
    describeRoute(changeHoldDoc),
    requireUser,
    holdsRateLimit,
    validate("param", holdIdParam),
    validate("json", changeHoldRequest),
    async (c) => {
      const { holdId } = c.req.valid("param");
      const input = { ...c.req.valid("json"), holdId, userId: c.var.userId, clientAddress: clientAddress(c) };
      const result = await changeHold(deps(c), input);
      if (result.outcome !== "SWAPPED") throw refusal(result);
      return c.json(result.hold, 200);
    },
  )
  .delete(
    "/holds/:holdId",
    describeRoute(releaseHoldDoc),
    requireUser,
    releaseRateLimit,
    validate("param", holdIdParam),
    async (c) => {
      const input = { userId: c.var.userId, holdId: c.req.valid("param").holdId };
      const result = await releaseHold(deps(c), input);
      if (result.outcome !== "RELEASED") throw refusal(result);
      const showId = showIdOfHold(c.req.valid("param").holdId);
      if (showId) countAfterResponse(c, showId, "released");
      return c.body(null, 204);
    },
  );
