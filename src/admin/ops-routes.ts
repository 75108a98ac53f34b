import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { uuidParam } from "../domain/ids";
import { noStore } from "../http/edge-cache";
import { ApiError, type ErrorCode } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { placeOrderAnswers } from "../orders/routes";
import { orderSchema } from "../orders/schemas";
import {
  blockHouseSeatsRequest,
  cancellationProgressSchema,
  cancelShowRequest,
  counterSaleRequest,
  houseSeatListSchema,
  unblockHouseSeatsRequest,
} from "../shared/admin-ops-schemas";
import { staffActorOf } from "./actor";
import { requireShowStaff } from "./show-access";
import { cancelShow } from "./use-cases/cancel-show";
import { readCancellation } from "./use-cases/cancellation-progress";
import { blockHouseSeats, type HouseSeatsOutcome, listHouseSeats, unblockHouseSeats } from "./use-cases/house-seats";
import { type SellAtCounterOutcome, sellAtCounter } from "./use-cases/sell-at-counter";

/**
 * The back office's operations on one show (docs/API.md: Back office): house seats, the box
 * office, cancelling the show. Each route: requireUser, the show id validated, requireShowStaff
 * (404 outside the caller's theatres, 403 for a role that may not), then one use case.
 */
const showParam = z.object({ showId: uuidParam("showId") });

/** What every route here can answer besides its own outcomes (a write made with cookies also needs CSRF). */
const SHOW_ROUTE = ["VALIDATION_FAILED", "SHOW_NOT_FOUND", "FORBIDDEN", "SERVICE_UNAVAILABLE"] as const;
const showRoute = (...codes: ErrorCode[]) => errorResponses(...SHOW_ROUTE, ...codes);
const showWrite = (...codes: ErrorCode[]) => showRoute("CSRF_REFUSED", ...codes);

const refusedHouseSeats = refusals<Refused<HouseSeatsOutcome, "HOUSE_SEATS">>({
  UNKNOWN_SEATS: ({ seats }) => ["UNKNOWN_SEATS", `Not in this show's hall: ${seats.join(", ")}`, { seats }],
  SEAT_TAKEN: ({ seats }) => [
    "SEAT_TAKEN",
    `${seats.join(", ")} ${seats.length === 1 ? "is" : "are"} sold, awaiting payment or held right now`,
    { seats },
  ],
});

const refusedCounterSale = refusals<Refused<SellAtCounterOutcome, "SOLD" | "ALREADY_SOLD">>({
  ...placeOrderAnswers,
  NOT_SELLABLE: ({ status }) =>
    status === "EXPIRED"
      ? ["ORDER_EXPIRED", "The hold's order lapsed before it was sold; hold the seats again", { status }]
      : status === "CANCELLED"
        ? ["ORDER_CANCELLED", "This hold's order was cancelled", { status }]
        : ["ORDER_ALREADY_PAID", "This hold's order is already paid", { status }],
});

const houseSeatsAnswer = (result: HouseSeatsOutcome, showId: string) => {
  if (result.outcome !== "HOUSE_SEATS") throw refusedHouseSeats(result);
  return { showId, houseSeats: result.houseSeats };
};

const counterSaleSchema = z.object({
  order: orderSchema,
  ticket: z.object({ token: z.string(), ticketCode: z.string(), keyId: z.number().int() }),
});

export const adminOpsRoutes = new Hono<AppEnv>()
  .get(
    "/admin/shows/:showId/house-seats",
    describeRoute({
      tags: ["Back office"],
      summary: "The show's house seats: kept off online sale, with why, by whom and when (staff of its theatre)",
      responses: { 200: jsonResponse("The house seats", houseSeatListSchema), ...showRoute() },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("read"),
    async (c) => {
      const show = c.var.staffShow;
      return c.json(houseSeatsAnswer(await listHouseSeats(depsOf(c), { show }), show.id), 200, noStore);
    },
  )
  .post(
    "/admin/shows/:showId/house-seats",
    describeRoute({
      tags: ["Back office"],
      summary: "Keep free seats off online sale (VIP, press, broken): shown BOOKED to customers, never holdable",
      description:
        "Managers and admins. Written to Postgres first (each house seat occupies its seat in `order_seats`, so no order can take it even if Redis loses it), then to the show's booked set in Redis. Seats already kept are left as they are; a repeat changes nothing.",
      responses: {
        200: jsonResponse("Every house seat of the show, as it now is", houseSeatListSchema),
        ...showWrite("UNKNOWN_SEATS", "SEAT_TAKEN"),
      },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("manage"),
    validate("json", blockHouseSeatsRequest),
    async (c) => {
      const show = c.var.staffShow;
      const request = c.req.valid("json");
      const result = await blockHouseSeats(depsOf(c), { show, actor: staffActorOf(c), request });
      return c.json(houseSeatsAnswer(result, show.id), 200, noStore);
    },
  )
  .post(
    "/admin/shows/:showId/house-seats/unblock",
    describeRoute({
      tags: ["Back office"],
      summary: "Put house seats back on sale (seats that are not house seats are ignored)",
      responses: { 200: jsonResponse("Every house seat left", houseSeatListSchema), ...showWrite() },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("manage"),
    validate("json", unblockHouseSeatsRequest),
    async (c) => {
      const show = c.var.staffShow;
      const { seatIds } = c.req.valid("json");
      const result = await unblockHouseSeats(depsOf(c), { show, actor: staffActorOf(c), seatIds });
      return c.json(houseSeatsAnswer(result, show.id), 200, noStore);
    },
  )
  .post(
    "/admin/shows/:showId/counter-sales",
    describeRoute({
      tags: ["Back office"],
      summary: "Sell at the box office: the staff member's own hold → an order for the buyer, paid at the counter",
      description:
        "Hold the seats first with `POST /holds` as yourself (the same seat map as customers). The order is recorded with payment method `counter` and you as the seller, confirmed at once, and answered with the same signed ticket and receipt as an online booking; the buyer is emailed if an address is given. A repeat with the same hold answers the same sale (200).",
      responses: {
        201: jsonResponse("Sold: the confirmed order and its signed ticket", counterSaleSchema),
        200: jsonResponse("Sold before (a repeat): the same order and ticket", counterSaleSchema),
        ...showWrite(
          "HOLD_NOT_FOUND",
          "SEAT_TAKEN",
          "SHOW_CLOSED",
          "IDEMPOTENCY_KEY_REUSED",
          "ORDER_ALREADY_PAID",
          "ORDER_CANCELLED",
          "HOLD_EXPIRED",
          "ORDER_EXPIRED",
        ),
      },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("manage"),
    validate("json", counterSaleRequest),
    async (c) => {
      const { holdId, customer } = c.req.valid("json");
      const show = c.var.staffShow;
      const result = await sellAtCounter(depsOf(c), { show, actor: staffActorOf(c), holdId, customer });
      if (result.outcome !== "SOLD" && result.outcome !== "ALREADY_SOLD") throw refusedCounterSale(result);
      const { order, ticket } = result;
      return c.json({ order, ticket }, result.outcome === "SOLD" ? 201 : 200, noStore);
    },
  )
  .post(
    "/admin/shows/:showId/cancellation",
    describeRoute({
      tags: ["Back office"],
      summary: "Cancel the show: it stops selling at once; a job cancels, refunds and emails every order",
      description:
        "Managers and admins. The show is CANCELLED in the same transaction as the audit row, this colo's caches of it are dropped, and the cancellation job is queued. A repeat changes nothing and queues the job again (it is idempotent). Follow it with GET.",
      responses: {
        202: jsonResponse("Cancelled; the job's progress so far", cancellationProgressSchema),
        ...showWrite(),
      },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("manage"),
    validate("json", cancelShowRequest),
    async (c) => {
      const { reason } = c.req.valid("json");
      const show = c.var.staffShow;
      const result = await cancelShow(depsOf(c), { show, actor: staffActorOf(c), reason });
      return c.json(result.progress, 202, noStore);
    },
  )
  .get(
    "/admin/shows/:showId/cancellation",
    describeRoute({
      tags: ["Back office"],
      summary: "A cancelled show's job: its orders done / failed / pending, refunds and emails (staff of its theatre)",
      responses: {
        200: jsonResponse("The progress", cancellationProgressSchema),
        ...showRoute("CANCELLATION_NOT_FOUND"),
      },
    }),
    requireUser,
    validate("param", showParam),
    requireShowStaff("read"),
    async (c) => {
      const result = await readCancellation(depsOf(c), { showId: c.var.staffShow.id });
      if (result.outcome !== "PROGRESS")
        throw new ApiError("CANCELLATION_NOT_FOUND", "This show has not been cancelled");
      return c.json(result.progress, 200, noStore);
    },
  );
