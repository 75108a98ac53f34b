/**
 * The OpenAPI document of the API, from the marks its routes carry (src/http/openapi-doc.ts), and
 * the /api/docs page. Runs at build time in Node (dev/openapi/build.ts bundles it with the app); the
 * worker itself never loads hono-openapi or the viewer.
 */
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { findTargetHandler } from "hono/utils/handler";
import { generateSpecs, resolver, uniqueSymbol } from "hono-openapi";
import { allRoutes, DOCUMENTATION_PATHS } from "../../src/app";
import {
  defaultResponses,
  documentationComponents,
  OPENAPI_MARK,
  type OpenApiMark,
  SchemaDoc,
} from "../../src/http/openapi-doc";

type Resolved<T> = T extends SchemaDoc
  ? ReturnType<typeof resolver>
  : T extends (...args: never[]) => unknown
    ? T
    : T extends object
      ? { [K in keyof T]: Resolved<T[K]> }
      : T;

/** `value` with every `SchemaDoc` replaced by hono-openapi's resolver of its zod schema. */
function resolved<T>(value: T): Resolved<T> {
  return resolvedValue(value) as Resolved<T>;
}

function resolvedValue(value: unknown): unknown {
  if (value instanceof SchemaDoc) return resolver(value.zod);
  if (Array.isArray(value)) return value.map(resolvedValue);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, resolvedValue(v)]));
  return value;
}

/** hono-openapi's own mark for a handler, from ours. */
const honoOpenApiMark = (mark: OpenApiMark) =>
  "spec" in mark ? { spec: resolved(mark.spec) } : { target: mark.target, ...resolver(mark.schema) };

export async function openApiDocument() {
  // Every route group loaded (the worker loads them on first use).
  const app = await allRoutes();
  for (const route of app.routes) {
    const handler = findTargetHandler(route.handler) as { [OPENAPI_MARK]?: OpenApiMark; [uniqueSymbol]?: unknown };
    const mark = handler[OPENAPI_MARK];
    if (mark) handler[uniqueSymbol] = honoOpenApiMark(mark);
  }
  return generateSpecs(app, {
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "housefull API",
        version: "1.0.0",
        description:
          "Movie ticket booking at the edge. Errors are `{error: {code, message, timestamp, ...}}`. Every response carries `Server-Timing` with the backend round trips it cost.",
      },
      components: resolved(documentationComponents()),
    },
    exclude: [...DOCUMENTATION_PATHS],
    defaultOptions: resolved(defaultResponses()),
  });
}

/** The API reference page (Scalar's viewer, loaded from its CDN), reading the document above. */
export async function apiDocsPage(): Promise<string> {
  const page = new Hono().get("/", Scalar({ url: "/api/v1/openapi.json", pageTitle: "housefull API" }));
  return (await page.request("/")).text();
}
