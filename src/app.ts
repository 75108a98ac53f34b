import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { openAPIRouteHandler } from "hono-openapi";
import { accountsRoutes } from "./accounts";
import type { AppEnv } from "./app-env";
import { authRoutes } from "./auth/routes";
import { catalogRoutes } from "./catalog/routes";
import { isDatabaseUnavailable, postgresErrorOf } from "./db/client";
import { configOf } from "./env";
import { healthRoutes } from "./health/routes";
import { bodyLimit } from "./http/body-limit";
import { ApiError, BackendUnavailableError, type ErrorCode, errorBody } from "./http/errors";
import { log, requestContext } from "./http/request-log";
import { orderRoutes } from "./orders/routes";
import { isRedisUnavailable } from "./redis/client";
import { seatRoutes } from "./seats/routes";

/** Request bodies of this API are a few hundred bytes; anything near this is not a booking. */
const MAX_BODY_BYTES = 16 * 1024;

export const api = new Hono<AppEnv>()
  .use(bodyLimit(MAX_BODY_BYTES))
  .route("/", healthRoutes)
  .route("/", authRoutes)
  .route("/", catalogRoutes)
  .route("/", seatRoutes)
  .route("/", orderRoutes)
  .route("/", accountsRoutes);

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
      ...describeFailure(err, error.status === 500),
    });
  }
  return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
});

/**
 * What a failure log line may say: the chain of error names and Postgres codes, and (for bugs) the
 * stack frames — never the messages, which for database errors carry the SQL and its parameters
 * (user ids, customer details).
 */
function describeFailure(err: unknown, withStack: boolean): { error: string; stack?: string } {
  const chain: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    chain.push(typeof code === "string" && code ? `${e.name}(${code})` : e.name);
  }
  if (chain.length === 0) chain.push(typeof err);
  const frames = err instanceof Error ? err.stack?.split("\n").filter((line) => /^\s+at /.test(line)) : undefined;
  return { error: chain.join(" <- "), ...(withStack && frames ? { stack: frames.join("\n") } : {}) };
}

/** Hono's own HTTPExceptions (e.g. unreadable JSON), named by the error registry. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  404: "ROUTE_NOT_FOUND",
  408: "REQUEST_TIMEOUT",
  413: "PAYLOAD_TOO_LARGE",
  429: "RATE_LIMITED",
  503: "SERVICE_UNAVAILABLE",
};

/** Every failure becomes one of SPEC's error responses; only a bug is a 500. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[err.status] ?? (err.status < 500 ? "BAD_REQUEST" : "INTERNAL");
    return new ApiError(code, err.message || "Bad request");
  }
  if (isDatabaseUnavailable(err)) return new BackendUnavailableError("db");
  // Postgres refused a value (SQLSTATE class 22: data exception): the input was bad, not the server.
  if (postgresErrorOf(err)?.code?.startsWith("22"))
    return new ApiError("BAD_REQUEST", "A value in the request is not valid");
  if (isRedisUnavailable(err)) return new BackendUnavailableError("redis");
  return new ApiError("INTERNAL", "Something went wrong on our side; it has been logged");
}
