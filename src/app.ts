import { Hono } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { accountsRoutes } from "./accounts";
import { MAX_POSTER_BYTES } from "./admin/posters";
import { adminRoutes } from "./admin/routes";
import type { AppEnv } from "./app-env";
import { authRoutes } from "./auth/routes";
import { catalogRoutes } from "./catalog/routes";
import { doorRoutes } from "./door/routes";
import { configOf } from "./env";
import { healthRoutes } from "./health/routes";
import { bodyLimit } from "./http/body-limit";
import { answerError } from "./http/error-handler";
import { errorBody } from "./http/errors";
import { requestContext } from "./http/request-log";
import { orderRoutes } from "./orders/routes";
import { paymentRoutes } from "./payments/routes";
import { seatRoutes } from "./seats/routes";

/** Request bodies of this API are a few hundred bytes; anything near this is not a booking. */
const MAX_BODY_BYTES = 16 * 1024;
/** The back office sends more: a hall's seat layout, a run of shows, a poster image. */
const adminBodyBytes = (path: string) =>
  path.startsWith("/api/v1/admin/")
    ? path.endsWith("/poster")
      ? MAX_POSTER_BYTES + 64 * 1024
      : 256 * 1024
    : undefined;

export const api = new Hono<AppEnv>()
  .use(bodyLimit(MAX_BODY_BYTES, adminBodyBytes))
  .route("/", healthRoutes)
  .route("/", authRoutes)
  .route("/", catalogRoutes)
  .route("/", seatRoutes)
  .route("/", orderRoutes)
  .route("/", paymentRoutes)
  .route("/", accountsRoutes)
  .route("/", doorRoutes)
  .route("/", adminRoutes);

export type ApiType = typeof api;

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
    allowHeaders: ["Content-Type", "Authorization", "x-user-id", "If-None-Match", "Idempotency-Key"],
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

app.route("/api/v1", api);

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

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) {
    return c.json(errorBody("ROUTE_NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`), 404);
  }
  // Everything else is the web UI (only reached when assets did not answer first).
  return c.env.ASSETS.fetch(c.req.raw);
});

app.onError(answerError);
