import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { edgeCache } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { cinemaDayBounds, cinemaToday } from "../shared/cinema-time";
import { findMovie, findShow, listMovies, listShowsOfMovie } from "./catalog-store";
import { renderPosterSvg } from "./poster";
import {
  movieIdParam,
  movieListQuery,
  movieListSchema,
  movieSchema,
  posterParam,
  showDetailSchema,
  showIdParam,
  showsOfDayQuery,
  showsOfDaySchema,
} from "./schemas";

// Movies change rarely; show listings carry seats-left, so they stay fresh for less time.
const moviesCache = edgeCache({ maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600 });
const showsCache = edgeCache({ maxAge: 10, sMaxAge: 15, staleWhileRevalidate: 30 });
const postersCache = edgeCache({ maxAge: 86_400, sMaxAge: 604_800, staleWhileRevalidate: 604_800 });

export const catalogRoutes = new Hono<AppEnv>()
  .get(
    "/movies",
    describeRoute({
      tags: ["Catalog"],
      summary: "List movies, paginated, with search and filters",
      responses: {
        200: jsonResponse("A page of movies", movieListSchema),
        ...errorResponses("VALIDATION_FAILED", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("query", movieListQuery),
    moviesCache,
    async (c) => c.json(await listMovies(depsOf(c).db, c.req.valid("query"))),
  )
  .get(
    "/movies/:movieId",
    describeRoute({
      tags: ["Catalog"],
      summary: "One movie",
      responses: {
        200: jsonResponse("The movie", movieSchema),
        ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("param", movieIdParam),
    moviesCache,
    async (c) => {
      const movie = await findMovie(depsOf(c).db, c.req.valid("param").movieId);
      if (!movie) throw new ApiError("MOVIE_NOT_FOUND", "No such movie");
      return c.json(movie);
    },
  )
  .get(
    "/movies/:movieId/shows",
    describeRoute({
      tags: ["Catalog"],
      summary: "A movie's shows on one day, with theatre, prices, status and seats left",
      responses: {
        200: jsonResponse("The day's shows that have not started", showsOfDaySchema),
        ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("param", movieIdParam),
    validate("query", showsOfDayQuery),
    showsCache,
    async (c) => {
      const { movieId } = c.req.valid("param");
      const now = new Date();
      const date = c.req.valid("query").date ?? cinemaToday(now);
      const shows = await listShowsOfMovie(depsOf(c).db, movieId, { ...cinemaDayBounds(date), now });
      if (!shows) throw new ApiError("MOVIE_NOT_FOUND", "No such movie");
      return c.json({ movieId, date, shows });
    },
  )
  .get(
    "/movies/:movieId/poster.svg",
    describeRoute({
      tags: ["Catalog"],
      summary: "The movie's poster (SVG, generated, cached at the edge)",
      responses: {
        200: { description: "The poster", content: { "image/svg+xml": { schema: { type: "string" } } } },
        ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("param", movieIdParam),
    postersCache,
    async (c) => {
      const movie = await findMovie(depsOf(c).db, c.req.valid("param").movieId);
      if (!movie) throw new ApiError("MOVIE_NOT_FOUND", "No such movie");
      return c.body(renderPosterSvg(movie), 200, { "content-type": "image/svg+xml; charset=utf-8" });
    },
  )
  .get(
    "/posters/:key",
    describeRoute({
      tags: ["Catalog"],
      summary: "An uploaded poster, by its content address (immutable: a new poster is a new URL)",
      responses: {
        200: { description: "The image", content: { "image/*": { schema: { type: "string", format: "binary" } } } },
        ...errorResponses("VALIDATION_FAILED", "ROUTE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("param", posterParam),
    async (c) => {
      const object = await c.env.POSTERS.get(c.req.valid("param").key);
      if (!object) throw new ApiError("ROUTE_NOT_FOUND", "No such poster");
      return c.body(object.body, 200, {
        "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
        "cache-control": "public, max-age=31536000, immutable",
        etag: object.httpEtag,
      });
    },
  )
  .get(
    "/shows/:showId",
    describeRoute({
      tags: ["Catalog"],
      summary: "One show with its movie, theatre and seat-category prices",
      responses: {
        200: jsonResponse("The show", showDetailSchema),
        ...errorResponses("VALIDATION_FAILED", "SHOW_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    }),
    validate("param", showIdParam),
    showsCache,
    async (c) => {
      const show = await findShow(depsOf(c).db, c.req.valid("param").showId);
      if (!show) throw new ApiError("SHOW_NOT_FOUND", "No such show");
      return c.json(show);
    },
  );
