import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { Database } from "../db/client";
import { depsOf } from "../deps";
import { edgeCache } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { findMovie, listMovies } from "./movie-store";
import { renderPosterSvg } from "./poster";
import { movieIdParam, movieListQuery, movieListSchema, movieSchema, posterParam } from "./schemas";

// Movies change rarely (an edit bumps the catalog version, src/catalog/catalog-version.ts).
const moviesCache = edgeCache({ maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600 });
const postersCache = edgeCache({ maxAge: 86_400, sMaxAge: 604_800, staleWhileRevalidate: 604_800 });

/** The movie the path names (not retired), or 404 MOVIE_NOT_FOUND. */
async function namedMovie(db: Database, movieId: string) {
  const movie = await findMovie(db, movieId);
  if (!movie) throw new ApiError("MOVIE_NOT_FOUND", "No such movie");
  return movie;
}

export const movieRoutes = new Hono<AppEnv>()
  .get(
    "/movies",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "List movies, paginated, with search and filters",
          responses: {
            200: jsonResponse("A page of movies", movieListSchema),
            ...errorResponses("VALIDATION_FAILED", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    validate("query", movieListQuery),
    moviesCache,
    async (c) => c.json(await listMovies(depsOf(c).db, c.req.valid("query"))),
  )
  .get(
    "/movies/:movieId",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "One movie",
          responses: {
            200: jsonResponse("The movie", movieSchema),
            ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    validate("param", movieIdParam),
    moviesCache,
    async (c) => c.json(await namedMovie(depsOf(c).db, c.req.valid("param").movieId)),
  )
  .get(
    "/movies/:movieId/poster.svg",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "The movie's poster (SVG, generated, cached at the edge)",
          responses: {
            200: { description: "The poster", content: { "image/svg+xml": { schema: { type: "string" } } } },
            ...errorResponses("VALIDATION_FAILED", "MOVIE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    validate("param", movieIdParam),
    postersCache,
    async (c) => {
      const movie = await namedMovie(depsOf(c).db, c.req.valid("param").movieId);
      return c.body(renderPosterSvg(movie), 200, { "content-type": "image/svg+xml; charset=utf-8" });
    },
  )
  .get(
    "/posters/:key",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Catalog"],
          summary: "An uploaded poster, by its content address (immutable: a new poster is a new URL)",
          responses: {
            200: { description: "The image", content: { "image/*": { schema: { type: "string", format: "binary" } } } },
            ...errorResponses("VALIDATION_FAILED", "ROUTE_NOT_FOUND", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
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
  );
