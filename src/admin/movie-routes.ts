import { Hono } from "hono";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { adminMovieSchema, createMovieBody, updateMovieBody } from "../shared/admin-schemas";
import { staffActorOf } from "./actor";
import { posterBytes } from "./poster-upload";
import { adminDoc, listOf } from "./route-docs";
import { movieParam } from "./schemas";
import { listMovies } from "./use-cases/browse";
import { createMovie, retireMovie, type SetPosterOutcome, setPoster, updateMovie } from "./use-cases/manage-movies";

/** The catalog's movies (docs/API.md: Back office): any staff member reads them, only admins change them. */
const refusedMovie = refusals<Refused<SetPosterOutcome, "CHANGED">>({
  MOVIE_NOT_FOUND: ["MOVIE_NOT_FOUND", "No such movie"],
  POSTER_UNSUPPORTED: ["POSTER_UNSUPPORTED", "A poster is a JPEG, PNG or WebP image"],
});

export const movieRoutes = new Hono<AppEnv>()
  .get(
    "/admin/movies",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc("Every movie, retired ones too (staff of any theatre)", {
            200: jsonResponse("Movies", listOf("movies", adminMovieSchema)),
          }),
        )
      : undocumented,
    requireUser,
    requireStaff("read", "any-theatre"),
    async (c) => c.json(await listMovies(depsOf(c)), 200, noStore),
  )
  .post(
    "/admin/movies",
    ROUTE_DOCS
      ? describeRoute(adminDoc("Add a movie (admins)", { 201: jsonResponse("Created", adminMovieSchema) }))
      : undocumented,
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("json", createMovieBody),
    async (c) => {
      const result = await createMovie(depsOf(c), { actor: staffActorOf(c), fields: c.req.valid("json") });
      return c.json(result.movie, 201);
    },
  )
  .patch(
    "/admin/movies/:movieId",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Change a movie's fields (admins)",
            { 200: jsonResponse("Changed", adminMovieSchema) },
            "MOVIE_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("param", movieParam),
    validate("json", updateMovieBody),
    async (c) => {
      const input = { actor: staffActorOf(c), movieId: c.req.valid("param").movieId, fields: c.req.valid("json") };
      const result = await updateMovie(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw refusedMovie(result);
      return c.json(result.movie, 200);
    },
  )
  .post(
    "/admin/movies/:movieId/retire",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Retire a movie: gone from the catalog, its shows and orders kept (admins)",
            { 200: jsonResponse("Retired", adminMovieSchema) },
            "MOVIE_NOT_FOUND",
          ),
        )
      : undocumented,
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("param", movieParam),
    async (c) => {
      const result = await retireMovie(depsOf(c), { actor: staffActorOf(c), movieId: c.req.valid("param").movieId });
      if (result.outcome !== "CHANGED") throw refusedMovie(result);
      return c.json(result.movie, 200);
    },
  )
  .put(
    "/admin/movies/:movieId/poster",
    ROUTE_DOCS
      ? describeRoute(
          adminDoc(
            "Upload the movie's poster: a JPEG, PNG or WebP image up to 2 MB, as the raw body or the `poster` field of a multipart form (admins)",
            { 200: jsonResponse("The movie, `posterUrl` at its new content-addressed URL", adminMovieSchema) },
            "MOVIE_NOT_FOUND",
            "POSTER_UNSUPPORTED",
            "PAYLOAD_TOO_LARGE",
          ),
        )
      : undocumented,
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("param", movieParam),
    async (c) => {
      const bytes = await posterBytes(c.req.raw);
      const input = { actor: staffActorOf(c), movieId: c.req.valid("param").movieId, bytes, bucket: c.env.POSTERS };
      const result = await setPoster(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw refusedMovie(result);
      return c.json(result.movie, 200);
    },
  );
