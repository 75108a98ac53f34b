import { type Context, Hono, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Schema } from "hono/types";
import type { accountsRoutes } from "./accounts";
import { MAX_POSTER_BYTES } from "./admin/posters";
import type { adminRoutes } from "./admin/routes";
import type { AppEnv } from "./app-env";
import type { authRoutes } from "./auth/routes";
import type { movieRoutes } from "./catalog/movie-routes";
import type { showRoutes } from "./catalog/show-routes";
import type { doorRoutes } from "./door/routes";
import { configOf } from "./env";
import type { healthRoutes } from "./health/routes";
import { bodyLimit } from "./http/body-limit";
import { answerError } from "./http/error-handler";
import { errorBody } from "./http/errors";
import { requestContext } from "./http/request-log";
import type { onsaleRoutes } from "./onsale/routes";
import type { orderRoutes } from "./orders/routes";
import type { paymentRoutes } from "./payments/routes";
import type { seatRoutes } from "./seats/routes";
import { installEnglishValidationMessages } from "./shared/validation-messages";
import { isWebPage, preparedPage } from "./shared/web-routes";

installEnglishValidationMessages();

/** Request bodies of this API are a few hundred bytes; anything near this is not a booking. */
const MAX_BODY_BYTES = 16 * 1024;
/** The back office sends more: a hall's seat layout, a run of shows, a poster image. */
const adminBodyBytes = (path: string) =>
  path.startsWith("/api/v1/admin/")
    ? path.endsWith("/poster")
      ? MAX_POSTER_BYTES + 64 * 1024
      : 256 * 1024
    : undefined;

export const API_BASE = "/api/v1";

type RouteGroup = Hono<AppEnv, Schema, string>;

/**
 * The API's route groups, in the order they are tried, each with the first path segments its routes
 * start with (`/shows/…` is the seat map's and the catalog's). A group's module is evaluated on the
 * first request for one of its routes, not when the isolate starts: a cold isolate answering a seat
 * map never builds the back office's schemas (docs/BENCHMARKS.md: cold start). Every group route's
 * segment must be listed here (test/integration/route-groups.test.ts checks).
 */
export const ROUTE_GROUPS: readonly { name: string; segments: readonly string[]; load: () => Promise<RouteGroup> }[] = [
  { name: "health", segments: ["health"], load: async () => (await import("./health/routes")).healthRoutes },
  { name: "seats", segments: ["shows", "holds"], load: async () => (await import("./seats/routes")).seatRoutes },
  {
    name: "movies",
    segments: ["movies", "posters"],
    load: async () => (await import("./catalog/movie-routes")).movieRoutes,
  },
  {
    name: "shows",
    segments: ["cities", "movies", "shows"],
    load: async () => (await import("./catalog/show-routes")).showRoutes,
  },
  { name: "orders", segments: ["orders"], load: async () => (await import("./orders/routes")).orderRoutes },
  { name: "auth", segments: ["auth"], load: async () => (await import("./auth/routes")).authRoutes },
  { name: "payments", segments: ["payments"], load: async () => (await import("./payments/routes")).paymentRoutes },
  {
    name: "accounts",
    segments: ["auth", "account", "admin"],
    load: async () => (await import("./accounts")).accountsRoutes,
  },
  {
    name: "door",
    segments: ["orders", "door", "checkins"],
    load: async () => (await import("./door/routes")).doorRoutes,
  },
  { name: "admin", segments: ["admin"], load: async () => (await import("./admin/routes")).adminRoutes },
  { name: "onsale", segments: ["onsale"], load: async () => (await import("./onsale/routes")).onsaleRoutes },
];

/** The request's context, for the group that answers it (a group runs as its own Hono app). */
const outerContexts = new WeakMap<Request, Context<AppEnv>>();

/** What the outer middleware put on the context, handed to the group; its log note handed back. */
const inheritContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const outer = outerContexts.get(c.req.raw);
  if (!outer) return next();
  c.set("requestId", outer.var.requestId);
  c.set("config", outer.var.config);
  c.set("timings", outer.var.timings);
  try {
    await next();
  } finally {
    // Also when the route threw: the webhook notes its refusal, then answers with an error.
    if (c.var.logNote) outer.set("logNote", c.var.logNote);
    outer.set("routePath", c.req.routePath);
  }
};

const loadedGroups = new Map<string, Promise<{ routes: RouteGroup; app: Hono<AppEnv> }>>();

function loadGroup(group: (typeof ROUTE_GROUPS)[number]) {
  let loaded = loadedGroups.get(group.name);
  if (!loaded) {
    loaded = group.load().then((routes) => ({
      routes,
      // Errors go back to the outer app's one error handler, with the outer context.
      app: new Hono<AppEnv>()
        .use(inheritContext)
        .route(API_BASE, routes)
        .onError((error) => {
          throw error;
        }),
    }));
    // A failed load (it should not) is retried by the next request rather than remembered.
    loaded.catch(() => loadedGroups.delete(group.name));
    loadedGroups.set(group.name, loaded);
  }
  return loaded;
}

/** Finds the group with a route for this request, loading candidates by the path's first segment. */
const routeToGroup: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path.slice(API_BASE.length);
  const segment = path.split("/")[1] ?? "";
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  for (const group of ROUTE_GROUPS) {
    if (!group.segments.includes(segment)) continue;
    const { routes, app } = await loadGroup(group);
    if (routes.router.match(method, path)[0].length === 0) continue;
    outerContexts.set(c.req.raw, c);
    return app.fetch(c.req.raw, c.env, c.executionCtx);
  }
  await next();
};

export const api = new Hono<AppEnv>().use(bodyLimit(MAX_BODY_BYTES, adminBodyBytes)).use(routeToGroup);

/** Every group mounted at once, as the route tree was before groups loaded lazily: the OpenAPI build and tests read it. */
export async function allRoutes(): Promise<Hono<AppEnv>> {
  const tree = new Hono<AppEnv>();
  for (const group of ROUTE_GROUPS) tree.route(API_BASE, (await loadGroup(group)).routes);
  return tree;
}

/**
 * The route tree the web's typed client sees: the groups mounted in one chain, in types only. Never
 * called (the bundler drops it); the groups themselves are loaded by path above.
 */
const routeTreeType = (groups: {
  health: typeof healthRoutes;
  auth: typeof authRoutes;
  movies: typeof movieRoutes;
  shows: typeof showRoutes;
  seats: typeof seatRoutes;
  orders: typeof orderRoutes;
  payments: typeof paymentRoutes;
  accounts: typeof accountsRoutes;
  door: typeof doorRoutes;
  admin: typeof adminRoutes;
  onsale: typeof onsaleRoutes;
}) =>
  new Hono<AppEnv>()
    .route("/", groups.health)
    .route("/", groups.auth)
    .route("/", groups.movies)
    .route("/", groups.shows)
    .route("/", groups.seats)
    .route("/", groups.orders)
    .route("/", groups.payments)
    .route("/", groups.accounts)
    .route("/", groups.door)
    .route("/", groups.admin)
    .route("/", groups.onsale);

export type ApiType = ReturnType<typeof routeTreeType>;

export const app = new Hono<AppEnv>();

app.use("/api/*", requestId());
// API responses are JSON (or an SVG poster): nothing in them may run, frame or be sniffed as HTML.
app.use(
  "/api/v1/*",
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: "cross-origin",
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
  }),
);
app.use("/api/*", requestContext());
app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (configOf(c.env).CORS_ORIGINS.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization", "x-user-id", "If-None-Match", "Idempotency-Key", "Admission-Token"],
    exposeHeaders: ["Server-Timing", "ETag", "X-Request-Id", "Retry-After"],
    maxAge: 600,
  }),
);
// Lets the browser show Server-Timing to the allowed origins too.
app.use("/api/*", async (c, next) => {
  await next();
  const origin = c.res.headers.get("Access-Control-Allow-Origin");
  if (origin) c.res.headers.set("Timing-Allow-Origin", origin);
});

app.route(API_BASE, api);

// The OpenAPI document and its viewer page are generated from the routes by `npm run build:web`
// (dev/openapi) and served as static files: the worker carries no generator (docs/BENCHMARKS.md).
export const DOCUMENTATION_PATHS = ["/api/v1/openapi.json", "/api/docs"] as const;
for (const path of DOCUMENTATION_PATHS) {
  app.get(path, async (c) => {
    const file = await c.env.ASSETS.fetch(c.req.raw);
    // A fresh Response: the middleware above still adds its headers to it.
    return new Response(file.body, file);
  });
}

app.notFound(async (c) => {
  if (c.req.path.startsWith("/api/")) {
    return c.json(errorBody("ROUTE_NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`), 404);
  }
  // Everything else is the web UI. A page it has is index.html; an address it has not is the same
  // index.html (the app shows "page not found") with a true 404 for crawlers, links and monitors.
  const prepared = preparedPage(c.req.path);
  if (prepared) {
    const page = await c.env.ASSETS.fetch(new Request(new URL(prepared.html, c.req.url), c.req.raw));
    // After the page's code in <head>: over HTTP/1.1's six connections a host, the code goes first.
    const links = prepared.reads.map((read) => `<link rel="preload" as="fetch" crossorigin href="${read}">`);
    return new HTMLRewriter()
      .on("head", { element: (head) => void head.append(links.join(""), { html: true }) })
      .transform(page);
  }
  const answer = await c.env.ASSETS.fetch(c.req.raw);
  const fellBack = answer.headers.get("content-type")?.startsWith("text/html") && !c.req.path.endsWith(".html");
  if (!fellBack || isWebPage(c.req.path)) return answer;
  return new Response(answer.body, { status: 404, headers: answer.headers });
});

app.onError(answerError);
