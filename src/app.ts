import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { openAPIRouteHandler } from "hono-openapi";
import type { AppEnv } from "./app-env";
import { authRoutes } from "./auth/routes";
import { catalogRoutes } from "./catalog/routes";
import { isDatabaseUnavailable } from "./db/client";
import { configOf } from "./env";
import { healthRoutes } from "./health/routes";
import { ApiError, BackendUnavailableError, errorBody } from "./http/errors";
import { log, requestContext } from "./http/request-log";
import { orderRoutes } from "./orders/routes";
import { isRedisUnavailable } from "./redis/client";
import { seatRoutes } from "./seats/routes";

/** Request bodies of this API are a few hundred bytes; anything near this is not a booking. */
const MAX_BODY_BYTES = 16 * 1024;

export const api = new Hono<AppEnv>()
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);
      },
    }),
  )
  .route("/", healthRoutes)
  .route("/", authRoutes)
  .route("/", catalogRoutes)
  .route("/", seatRoutes)
  .route("/", orderRoutes);

export type ApiType = typeof api;

export const app = new Hono<AppEnv>();

app.use("/api/*", requestId());
app.use("/api/*", requestContext());
app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (configOf(c.env).CORS_ORIGINS.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
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

app.get(
  "/api/v1/openapi.json",
  openAPIRouteHandler(app, {
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "housefull API",
        version: "1.0.0",
        description:
          "Movie ticket booking at the edge. Errors are `{error: {code, message, timestamp, ...}}`. Every response carries `Server-Timing` with the backend round trips it cost.",
      },
    },
    exclude: ["/api/v1/openapi.json", "/api/docs"],
  }),
);
app.get("/api/docs", Scalar({ url: "/api/v1/openapi.json", pageTitle: "housefull API" }));

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) {
    return c.json(errorBody("ROUTE_NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`), 404);
  }
  // Everything else is the web UI (only reached when assets did not answer first).
  return c.env.ASSETS.fetch(c.req.raw);
});

app.onError((err, c) => {
  const error = toApiError(err);
  const requestId = c.var.requestId;
  if (error.status >= 500) {
    log("error", "request failed", {
      requestId,
      code: error.code,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: error.status === 500 && err instanceof Error ? err.stack : undefined,
    });
  }
  return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
});

/** Every failure becomes one of SPEC's error responses; only a bug is a 500. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const code = err.status === 400 ? "BAD_REQUEST" : `HTTP_${err.status}`;
    return new ApiError(err.status as ApiError["status"], code, err.message || "Bad request");
  }
  if (isDatabaseUnavailable(err)) return new BackendUnavailableError("db", String(err));
  if (isRedisUnavailable(err)) return new BackendUnavailableError("redis", String(err));
  return new ApiError(500, "INTERNAL", "Something went wrong on our side; it has been logged");
}
