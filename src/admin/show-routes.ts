import { Hono } from "hono";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import {
  adminShowSchema,
  orphanRuleBody,
  pricesBody,
  salesBody,
  scheduledSchema,
  scheduleShowsBody,
} from "../shared/admin-schemas";
import { staffActorOf } from "./actor";
import { adminDoc, listOf } from "./route-docs";
import { showParam, showsWindowQuery, theatreParam } from "./schemas";
import { listShows } from "./use-cases/browse";
import { type ChangeShowOutcome, setShowOrphanRule, setShowPrices, setShowSales } from "./use-cases/change-show";
import { type ScheduleShowsOutcome, scheduleShows } from "./use-cases/schedule-shows";

/**
 * A theatre's shows: scheduled one by one or as a run, sales opened or closed, priced before the
 * first sale, the orphan rule switched.
 */
const priceProblem = (r: { missing: string[]; unknown: string[] }) =>
  ["VALIDATION_FAILED", "Give a price for every seat category of the screen, and no other", r] as const;

const refusedSchedule = refusals<Refused<ScheduleShowsOutcome, "SCHEDULED">>({
  SCREEN_NOT_FOUND: ["SCREEN_NOT_FOUND", "No such screen at this theatre"],
  MOVIE_NOT_FOUND: ["MOVIE_NOT_FOUND", "No such movie"],
  MOVIE_RETIRED: ["MOVIE_RETIRED", "The movie is retired"],
  RUN_TOO_LONG: (r) => ["VALIDATION_FAILED", `A run schedules at most ${r.limit} shows`, { limit: r.limit }],
  IN_THE_PAST: (r) => ["VALIDATION_FAILED", `A show starts in the future (${r.startTime} does not)`, r],
  PRICES_INVALID: priceProblem,
  SHOW_OVERLAP: (r) => {
    const first = r.clashes[0];
    const what = first?.showId ? `show ${first.showId}` : "another show of this run";
    return [
      "SHOW_OVERLAP",
      `The show at ${first?.requestedStart} overlaps ${what} (${first?.startTime} until the hall is free at ${first?.hallFreeAt})`,
      { clashes: r.clashes },
    ];
  },
});

const refusedShowChange = refusals<Refused<ChangeShowOutcome, "CHANGED">>({
  SHOW_NOT_FOUND: ["SHOW_NOT_FOUND", "No such show at this theatre"],
  PRICES_LOCKED: (r) => [
    "PRICES_LOCKED",
    "Seats of this show are sold: its prices are fixed",
    { seatsSold: r.seatsSold },
  ],
  PRICES_INVALID: priceProblem,
});

export const showRoutes = new Hono<AppEnv>()
  .get(
    "/admin/theatres/:theatreId/shows",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("The theatre's shows starting in [from, to) (default: the next 14 days)", {
            200: jsonResponse("Shows", listOf("shows", adminShowSchema)),
          }),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    validate("query", showsWindowQuery),
    async (c) => {
      const input = { theatreId: c.req.valid("param").theatreId, ...c.req.valid("query") };
      return c.json(await listShows(depsOf(c), input), 200, noStore);
    },
  )
  .post(
    "/admin/theatres/:theatreId/shows",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Schedule one show (`startTime`) or a run (`run`: every day from..to at each time), all or none; never overlapping another show of the screen",
            { 201: jsonResponse("The shows scheduled", scheduledSchema) },
            "SCREEN_NOT_FOUND",
            "MOVIE_NOT_FOUND",
            "MOVIE_RETIRED",
            "SHOW_OVERLAP",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", scheduleShowsBody),
    async (c) => {
      const input = { actor: staffActorOf(c), theatreId: c.req.valid("param").theatreId, body: c.req.valid("json") };
      const result = await scheduleShows(depsOf(c), input);
      if (result.outcome !== "SCHEDULED") throw refusedSchedule(result);
      return c.json({ shows: result.shows }, 201);
    },
  )
  .put(
    "/admin/theatres/:theatreId/shows/:showId/sales",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Open or close online sales of a show (closed: no new holds or orders)",
            { 200: jsonResponse("The show", adminShowSchema) },
            "SHOW_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", salesBody),
    async (c) => {
      const input = { actor: staffActorOf(c), ...c.req.valid("param"), ...c.req.valid("json") };
      const result = await setShowSales(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw refusedShowChange(result);
      return c.json(result.show, 200);
    },
  )
  .put(
    "/admin/theatres/:theatreId/shows/:showId/prices",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Set a show's price per seat category, before its first sale",
            { 200: jsonResponse("The show", adminShowSchema) },
            "SHOW_NOT_FOUND",
            "PRICES_LOCKED",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", pricesBody),
    async (c) => {
      const input = { actor: staffActorOf(c), ...c.req.valid("param"), ...c.req.valid("json") };
      const result = await setShowPrices(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw refusedShowChange(result);
      return c.json(result.show, 200);
    },
  )
  .put(
    "/admin/theatres/:theatreId/shows/:showId/orphan-rule",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Turn the orphan rule on or off: on, a customer's own pick that would leave one seat alone is refused (409 SEAT_STRANDED) unless no pick as large avoids it. The next hold obeys it",
            { 200: jsonResponse("The show", adminShowSchema) },
            "SHOW_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", orphanRuleBody),
    async (c) => {
      const input = { actor: staffActorOf(c), ...c.req.valid("param"), ...c.req.valid("json") };
      const result = await setShowOrphanRule(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw refusedShowChange(result);
      return c.json(result.show, 200);
    },
  );
