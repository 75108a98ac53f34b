import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { type Deps, depsOf } from "../deps";
import { edgeCache } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { cinemaDayBounds, cinemaToday } from "../shared/cinema-time";
import { findShow, listCities, listShowsOfMovie, type ShowContext } from "./catalog-store";
import {
  cityListSchema,
  movieIdParam,
  showDetailSchema,
  showIdParam,
  showsOfDayQuery,
  showsOfDaySchema,
} from "./schemas";

// Show listings carry seats-left and the cancellation window, so they stay fresh for less time.
const showsCache = edgeCache({ maxAge: 10, sMaxAge: 15, staleWhileRevalidate: 30 });
const citiesCache = edgeCache({ maxAge: 300, sMaxAge: 300, staleWhileRevalidate: 3600 });

const showContextOf = (deps: Deps, near?: [number, number]): ShowContext => ({
  now: deps.clock.now(),
  defaultCutoffMinutes: deps.config.CANCELLATION_CUTOFF_MINUTES,
  near,
});

/** Where and when a movie plays: the city picker's cities, a day's showtimes, one show. */
export const showRoutes = new Hono<AppEnv>()
  .get(
    "/cities",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "The cities that have theatres (the city picker)",
          responses: { 200: jsonResponse("The cities", cityListSchema), ...errorResponses("SERVICE_UNAVAILABLE") },
        })
      : undocumented,
    citiesCache,
    async (c) => c.json({ cities: await listCities(depsOf(c).db) }),
  )
  .get(
    "/movies/:movieId/shows",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "A movie's shows on one day, with theatre, prices, status and seats left",
          responses: {
            200: jsonResponse("The day's shows that have not started", showsOfDaySchema),
            ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    validate("param", movieIdParam),
    validate("query", showsOfDayQuery),
    showsCache,
    async (c) => {
      const { movieId } = c.req.valid("param");
      const { date: day, city, near } = c.req.valid("query");
      const deps = depsOf(c);
      const context = showContextOf(deps, near);
      const date = day ?? cinemaToday(context.now);
      const shows = await listShowsOfMovie(deps.db, movieId, { ...cinemaDayBounds(date), city }, context);
      if (!shows) throw new ApiError("MOVIE_NOT_FOUND", "No such movie");
      return c.json({ movieId, date, shows });
    },
  )
  .get(
    "/shows/:showId",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "One show with its movie, theatre and seat-category prices",
          responses: {
            200: jsonResponse("The show", showDetailSchema),
            ...errorResponses("VALIDATION_FAILED", "SHOW_NOT_FOUND", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    validate("param", showIdParam),
    showsCache,
    async (c) => {
      const deps = depsOf(c);
      const show = await findShow(deps.db, c.req.valid("param").showId, showContextOf(deps));
      if (!show) throw new ApiError("SHOW_NOT_FOUND", "No such show");
      return c.json(show);
    },
  );
