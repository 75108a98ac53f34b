import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { blockHouseSeatsRequest, houseSeatListSchema, unblockHouseSeatsRequest } from "../shared/admin-ops-schemas";
import { staffActorOf } from "./actor";
import { showRouteErrors, showWriteErrors } from "./route-docs";
import { showIdParam } from "./schemas";
import { requireShowStaff } from "./show-access";
import { blockHouseSeats, type HouseSeatsOutcome, listHouseSeats, unblockHouseSeats } from "./use-cases/house-seats";

/**
 * A show's house seats (docs/API.md: Back office). Each route: requireUser, the show id validated,
 * requireShowStaff (404 outside the caller's theatres, 403 for a role that may not), then one use case.
 */
const refusedHouseSeats = refusals<Refused<HouseSeatsOutcome, "HOUSE_SEATS">>({
  UNKNOWN_SEATS: ({ seats }) => ["UNKNOWN_SEATS", `Not in this show's hall: ${seats.join(", ")}`, { seats }],
  SEAT_TAKEN: ({ seats }) => [
    "SEAT_TAKEN",
    `${seats.join(", ")} ${seats.length === 1 ? "is" : "are"} sold, awaiting payment or held right now`,
    { seats },
  ],
});

const houseSeatsAnswer = (result: HouseSeatsOutcome, showId: string) => {
  if (result.outcome !== "HOUSE_SEATS") throw refusedHouseSeats(result);
  return { showId, houseSeats: result.houseSeats };
};

export const houseSeatRoutes = new Hono<AppEnv>()
  .get(
    "/admin/shows/:showId/house-seats",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Back office"],
          summary: "The show's house seats: kept off online sale, with why, by whom and when (staff of its theatre)",
          responses: { 200: jsonResponse("The house seats", houseSeatListSchema), ...showRouteErrors() },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    requireShowStaff("read"),
    async (c) => {
      const show = c.var.staffShow;
      return c.json(houseSeatsAnswer(await listHouseSeats(depsOf(c), { show }), show.id), 200, noStore);
    },
  )
  .post(
    "/admin/shows/:showId/house-seats",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Back office"],
          summary: "Keep free seats off online sale (VIP, press, broken): shown BOOKED to customers, never holdable",
          description:
            "Managers and admins. Written to Postgres first (each house seat occupies its seat in `order_seats`, so no order can take it even if Redis loses it), then to the show's booked set in Redis. Seats already kept are left as they are; a repeat changes nothing.",
          responses: {
            200: jsonResponse("Every house seat of the show, as it now is", houseSeatListSchema),
            ...showWriteErrors("UNKNOWN_SEATS", "SEAT_TAKEN"),
          },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
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
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Back office"],
          summary: "Put house seats back on sale (seats that are not house seats are ignored)",
          responses: { 200: jsonResponse("Every house seat left", houseSeatListSchema), ...showWriteErrors() },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    requireShowStaff("manage"),
    validate("json", unblockHouseSeatsRequest),
    async (c) => {
      const show = c.var.staffShow;
      const { seatIds } = c.req.valid("json");
      const result = await unblockHouseSeats(depsOf(c), { show, actor: staffActorOf(c), seatIds });
      return c.json(houseSeatsAnswer(result, show.id), 200, noStore);
    },
  );
