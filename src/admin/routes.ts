import { Hono } from "hono";
import * as z from "zod";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, jsonResponse } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import {
  adminMovieSchema,
  adminScreenSchema,
  adminShowSchema,
  adminTheatreSchema,
  auditPageSchema,
  auditQuery,
  createMovieBody,
  createTheatreBody,
  pricesBody,
  salesBody,
  scheduledSchema,
  scheduleShowsBody,
  screenBody,
  screenEditedSchema,
  updateMovieBody,
  updateScreenBody,
  updateTheatreBody,
} from "../shared/admin-schemas";
import { staffActorOf } from "./actor";
import { screensOf, showsAt, theatreById, theatresIn } from "./admin-store";
import { adminOpsRoutes } from "./ops-routes";
import { MAX_POSTER_BYTES } from "./posters";
import { adminReportRoutes } from "./report-routes";
import { adminDoc } from "./route-docs";
import { movieParam, screenParam, showParam, showsWindowQuery, theatreParam } from "./schemas";
import { type ChangeShowOutcome, setShowPrices, setShowSales } from "./use-cases/change-show";
import { listAudit } from "./use-cases/list-audit";
import {
  adminMovieOf,
  createMovie,
  retireMovie,
  type SetPosterOutcome,
  setPoster,
  updateMovie,
} from "./use-cases/manage-movies";
import {
  adminScreenOf,
  adminTheatreOf,
  createScreen,
  createTheatre,
  editScreen,
  updateTheatre,
} from "./use-cases/manage-theatres";
import { adminShowOf, type ScheduleShowsOutcome, scheduleShows } from "./use-cases/schedule-shows";

/**
 * The back office API (issue 12, docs/API.md: Back office): everything under /api/v1/admin, each
 * route behind requireUser then requireStaff — at the `theatreId` in its path, at any theatre the
 * caller works at ("any-theatre": lists), or everywhere (admins only: movies, new theatres).
 * Every change is audited in its own transaction (audit-log.ts) and published to the caches.
 */
const list = <T extends z.ZodType>(key: string, item: T) => z.object({ [key]: z.array(item) });

const refusedMovie = refusals<Refused<SetPosterOutcome, "CHANGED">>({
  MOVIE_NOT_FOUND: ["MOVIE_NOT_FOUND", "No such movie"],
  POSTER_UNSUPPORTED: ["POSTER_UNSUPPORTED", "A poster is a JPEG, PNG or WebP image"],
});

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

const theatreSchemaList = list("theatres", adminTheatreSchema);

/** The poster's bytes: a raw image body, or the `poster` field of a multipart form. */
async function posterBytes(req: Request): Promise<Uint8Array<ArrayBuffer>> {
  const type = req.headers.get("content-type") ?? "";
  let bytes: Uint8Array<ArrayBuffer>;
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => {
      throw new ApiError("BAD_REQUEST", "Unreadable multipart body");
    });
    const file = form.get("poster");
    if (!file || typeof file === "string") throw new ApiError("BAD_REQUEST", "Send the image as the `poster` field");
    bytes = new Uint8Array(await file.arrayBuffer());
  } else bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength === 0) throw new ApiError("BAD_REQUEST", "No image was sent");
  if (bytes.byteLength > MAX_POSTER_BYTES)
    throw new ApiError("PAYLOAD_TOO_LARGE", `A poster is at most ${MAX_POSTER_BYTES} bytes`);
  return bytes;
}

const movieRoutes = new Hono<AppEnv>()
  .get(
    "/admin/movies",
    describeRoute(
      adminDoc("Every movie, retired ones too (staff of any theatre)", {
        200: jsonResponse("Movies", list("movies", adminMovieSchema)),
      }),
    ),
    requireUser,
    requireStaff("read", "any-theatre"),
    async (c) => {
      const rows = await depsOf(c).db.query.movies.findMany({ orderBy: (m, { asc }) => [asc(m.title)] });
      return c.json({ movies: rows.map(adminMovieOf) }, 200, noStore);
    },
  )
  .post(
    "/admin/movies",
    describeRoute(adminDoc("Add a movie (admins)", { 201: jsonResponse("Created", adminMovieSchema) })),
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
    describeRoute(
      adminDoc(
        "Change a movie's fields (admins)",
        { 200: jsonResponse("Changed", adminMovieSchema) },
        "MOVIE_NOT_FOUND",
      ),
    ),
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
    describeRoute(
      adminDoc(
        "Retire a movie: gone from the catalog, its shows and orders kept (admins)",
        { 200: jsonResponse("Retired", adminMovieSchema) },
        "MOVIE_NOT_FOUND",
      ),
    ),
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
    describeRoute(
      adminDoc(
        "Upload the movie's poster: a JPEG, PNG or WebP image up to 2 MB, as the raw body or the `poster` field of a multipart form (admins)",
        { 200: jsonResponse("The movie, `posterUrl` at its new content-addressed URL", adminMovieSchema) },
        "MOVIE_NOT_FOUND",
        "POSTER_UNSUPPORTED",
        "PAYLOAD_TOO_LARGE",
      ),
    ),
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

const theatreRoutes = new Hono<AppEnv>()
  .get(
    "/admin/theatres",
    describeRoute(
      adminDoc("The theatres you work at (admins: all)", { 200: jsonResponse("Theatres", theatreSchemaList) }),
    ),
    requireUser,
    requireStaff("read", "any-theatre"),
    async (c) => {
      const { config, db } = depsOf(c);
      const rows = await theatresIn(db, c.var.staffTheatreIds);
      return c.json({ theatres: rows.map((t) => adminTheatreOf(t, config.CANCELLATION_CUTOFF_MINUTES)) }, 200, noStore);
    },
  )
  .post(
    "/admin/theatres",
    describeRoute(adminDoc("Add a theatre (admins)", { 201: jsonResponse("Created", adminTheatreSchema) })),
    requireUser,
    requireStaff("manage", "everywhere"),
    validate("json", createTheatreBody),
    async (c) => {
      const result = await createTheatre(depsOf(c), { actor: staffActorOf(c), fields: c.req.valid("json") });
      return c.json(result.theatre, 201);
    },
  )
  .get(
    "/admin/theatres/:theatreId",
    describeRoute(
      adminDoc("One theatre with its policy and fee", { 200: jsonResponse("The theatre", adminTheatreSchema) }),
    ),
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    async (c) => {
      const { config, db } = depsOf(c);
      const row = await theatreById(db, c.req.valid("param").theatreId);
      if (!row) throw new ApiError("THEATRE_NOT_FOUND", "No such theatre");
      return c.json(adminTheatreOf(row, config.CANCELLATION_CUTOFF_MINUTES), 200, noStore);
    },
  )
  .patch(
    "/admin/theatres/:theatreId",
    describeRoute(
      adminDoc("Change a theatre: name, address, location, cancellation policy, convenience fee", {
        200: jsonResponse("Changed", adminTheatreSchema),
      }),
    ),
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", updateTheatreBody),
    async (c) => {
      const input = { actor: staffActorOf(c), theatreId: c.req.valid("param").theatreId, fields: c.req.valid("json") };
      const result = await updateTheatre(depsOf(c), input);
      if (result.outcome !== "CHANGED") throw new ApiError("THEATRE_NOT_FOUND", "No such theatre");
      return c.json(result.theatre, 200);
    },
  )
  .get(
    "/admin/theatres/:theatreId/screens",
    describeRoute(
      adminDoc("The theatre's screens with their current layout", {
        200: jsonResponse("Screens", list("screens", adminScreenSchema)),
      }),
    ),
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    async (c) => {
      const rows = await screensOf(depsOf(c).db, c.req.valid("param").theatreId);
      return c.json({ screens: rows.map(adminScreenOf) }, 200, noStore);
    },
  )
  .post(
    "/admin/theatres/:theatreId/screens",
    describeRoute(
      adminDoc("Add a screen with its seat layout (version 1)", { 201: jsonResponse("Created", adminScreenSchema) }),
    ),
    requireUser,
    validate("param", theatreParam),
    requireStaff("manage"),
    validate("json", screenBody),
    async (c) => {
      const input = { actor: staffActorOf(c), theatreId: c.req.valid("param").theatreId, ...c.req.valid("json") };
      const result = await createScreen(depsOf(c), input);
      return c.json(result.screen, 201);
    },
  )
  .patch(
    "/admin/theatres/:theatreId/screens/:screenId",
    describeRoute(
      adminDoc(
        "Rename a screen or change its layout: in place while no show on it has sales, else a new version for new shows",
        { 200: jsonResponse("Edited", screenEditedSchema) },
        "SCREEN_NOT_FOUND",
      ),
    ),
    requireUser,
    validate("param", screenParam),
    requireStaff("manage"),
    validate("json", updateScreenBody),
    async (c) => {
      const result = await editScreen(depsOf(c), {
        actor: staffActorOf(c),
        ...c.req.valid("param"),
        ...c.req.valid("json"),
      });
      if (result.outcome !== "EDITED") throw new ApiError("SCREEN_NOT_FOUND", "No such screen at this theatre");
      return c.json({ ...result.screen, layoutChange: result.layoutChange }, 200);
    },
  );

const DAY_MS = 86_400_000;

const showRoutes = new Hono<AppEnv>()
  .get(
    "/admin/theatres/:theatreId/shows",
    describeRoute(
      adminDoc("The theatre's shows starting in [from, to) (default: the next 14 days)", {
        200: jsonResponse("Shows", list("shows", adminShowSchema)),
      }),
    ),
    requireUser,
    validate("param", theatreParam),
    requireStaff("read"),
    validate("query", showsWindowQuery),
    async (c) => {
      const { from, to } = c.req.valid("query");
      const start = from ? new Date(from) : new Date(Date.now() - DAY_MS);
      const end = to ? new Date(to) : new Date(start.getTime() + 15 * DAY_MS);
      const rows = await showsAt(depsOf(c).db, c.req.valid("param").theatreId, { from: start, to: end });
      return c.json({ shows: rows.map((r) => adminShowOf(r.show, r.seatsSold, null)) }, 200, noStore);
    },
  )
  .post(
    "/admin/theatres/:theatreId/shows",
    describeRoute(
      adminDoc(
        "Schedule one show (`startTime`) or a run (`run`: every day from..to at each time), all or none; never overlapping another show of the screen",
        { 201: jsonResponse("The shows scheduled", scheduledSchema) },
        "SCREEN_NOT_FOUND",
        "MOVIE_NOT_FOUND",
        "MOVIE_RETIRED",
        "SHOW_OVERLAP",
      ),
    ),
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
    describeRoute(
      adminDoc(
        "Open or close online sales of a show (closed: no new holds or orders)",
        { 200: jsonResponse("The show", adminShowSchema) },
        "SHOW_NOT_FOUND",
      ),
    ),
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", salesBody),
    async (c) => {
      const result = await setShowSales(depsOf(c), {
        actor: staffActorOf(c),
        ...c.req.valid("param"),
        ...c.req.valid("json"),
      });
      if (result.outcome !== "CHANGED") throw refusedShowChange(result);
      return c.json(result.show, 200);
    },
  )
  .put(
    "/admin/theatres/:theatreId/shows/:showId/prices",
    describeRoute(
      adminDoc(
        "Set a show's price per seat category, before its first sale",
        { 200: jsonResponse("The show", adminShowSchema) },
        "SHOW_NOT_FOUND",
        "PRICES_LOCKED",
      ),
    ),
    requireUser,
    validate("param", showParam),
    requireStaff("manage"),
    validate("json", pricesBody),
    async (c) => {
      const result = await setShowPrices(depsOf(c), {
        actor: staffActorOf(c),
        ...c.req.valid("param"),
        ...c.req.valid("json"),
      });
      if (result.outcome !== "CHANGED") throw refusedShowChange(result);
      return c.json(result.show, 200);
    },
  );

const auditRoutes = new Hono<AppEnv>().get(
  "/admin/audit",
  describeRoute(
    adminDoc(
      "Staff actions, newest first, filtered (theatre, actor, action or target type, target, time range) and paged by cursor; managers see their theatres' entries with customers' email and phone masked; ushers may not read it",
      { 200: jsonResponse("A page of the audit log", auditPageSchema) },
    ),
  ),
  requireUser,
  requireStaff("manage", "any-theatre"),
  validate("query", auditQuery),
  async (c) => {
    const { cursor, limit, ...filter } = c.req.valid("query");
    const result = await listAudit(depsOf(c), {
      ...filter,
      cursor,
      limit,
      theatreIds: c.var.staffTheatreIds,
      roles: c.var.staffRoles,
    });
    return c.json(
      { entries: result.entries, nextCursor: result.nextCursor, customerDataMasked: result.customerDataMasked },
      200,
      noStore,
    );
  },
);

export const adminRoutes = new Hono<AppEnv>()
  .route("/", movieRoutes)
  .route("/", theatreRoutes)
  .route("/", showRoutes)
  .route("/", auditRoutes)
  .route("/", adminOpsRoutes)
  .route("/", adminReportRoutes);
