import type { MiddlewareHandler, ValidationTargets } from "hono";
// Types only: the worker never loads hono-openapi. Routes carry their documentation as marks (below);
// `npm run build:web` turns the marks into /api/v1/openapi.json with hono-openapi (dev/openapi).
import type { DescribeRouteOptions } from "hono-openapi";
import type { ZodMiniType as ZodType } from "zod/mini";
import * as z from "zod/mini";
import { ERROR_CODES, type ErrorCode } from "../shared/error-codes";

declare global {
  /**
   * Whether routes carry their OpenAPI descriptions: false in the worker (wrangler.toml [define], and
   * the tests' vite build), true only in dev/openapi's build of the document. A global so esbuild
   * folds `ROUTE_DOCS ? describeRoute(…) : undocumented` where it is written.
   */
  const ROUTE_DOCS: boolean;
}

/** Where a route's handlers keep their documentation for the build-time generator. */
export const OPENAPI_MARK = Symbol("housefull.openapi");

/** A zod schema in a documentation position; the generator turns it into JSON Schema. */
export class SchemaDoc {
  constructor(readonly zod: ZodType) {}
}

interface ResponseDoc {
  description: string;
  headers?: Record<string, { schema: { type: "string" } }>;
  content?: Record<string, { schema: SchemaDoc | { $ref: string } | { type: "string"; format?: string } }>;
}
type Responses = Record<string, ResponseDoc>;

/** What a route documents about itself: hono-openapi's operation, with zod schemas as `SchemaDoc`s. */
export type RouteDoc = Omit<DescribeRouteOptions, "responses" | "requestBody"> & { responses?: Responses };

/** The mark a handler carries: a route's own description, or a validator's target and schema. */
export type OpenApiMark = { spec: RouteDoc } | { target: keyof ValidationTargets; schema: ZodType };

/** Marks `handler` with what it documents; it behaves exactly as before. */
export const markDocumented = <H extends object>(handler: H, mark: OpenApiMark): H =>
  Object.assign(handler, { [OPENAPI_MARK]: mark });

/**
 * A route without its description: what every `ROUTE_DOCS ? describeRoute(…) : undocumented` is in
 * the worker, where ROUTE_DOCS is false (wrangler.toml [define]) and esbuild drops the description,
 * its text and the schemas only it names. Only dev/openapi's build defines it true.
 */
export const undocumented: MiddlewareHandler = async (_c, next) => next();

/** What a description kept in a module of its own (`route-docs.ts`) is in the worker: nothing. */
export const undescribed: RouteDoc = {};

/** A route's description, as a middleware that does nothing but carry it. */
export const describeRoute = (spec: RouteDoc): MiddlewareHandler =>
  markDocumented<MiddlewareHandler>(async (_c, next) => next(), { spec });

/** An OpenAPI response whose JSON body is `schema`. */
export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { "application/json": { schema: new SchemaDoc(schema) } },
});

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The error body (docs/API.md: Errors); the code is one of the registry's, each listed with its status. */
export const errorSchema = z
  .object({
    error: z.catchall(
      z.object({
        code: z
          .enum(errorCodes)
          .check(
            z.describe(
              errorCodes
                .map((code) => `\`${code}\` (${ERROR_CODES[code].status}): ${ERROR_CODES[code].meaning}`)
                .join("; "),
            ),
          ),
        message: z.string(),
        timestamp: z.iso.datetime(),
      }),
      z.unknown(),
    ),
  })
  .check(z.meta({ id: "Error" }));

/** An error response in the API's error shape. */
export const errorResponse = (description: string) => jsonResponse(description, errorSchema);

/** The codes a route can answer, by the status the registry gives each, described by code and meaning. */
function byStatus(codes: ErrorCode[]): [number, string][] {
  const grouped = new Map<number, ErrorCode[]>();
  for (const code of codes)
    grouped.set(ERROR_CODES[code].status, [...(grouped.get(ERROR_CODES[code].status) ?? []), code]);
  return [...grouped].map(([status, of]) => [
    status,
    of.map((code) => `\`${code}\`: ${ERROR_CODES[code].meaning}`).join("; "),
  ]);
}

/**
 * Error responses for the codes a route can answer, each under the status the registry gives it,
 * so a code can never be documented under another status.
 */
export const errorResponses = (...codes: ErrorCode[]): Responses =>
  Object.fromEntries(byStatus(codes).map(([status, description]) => [status, errorResponse(description)]));

/**
 * A middleware that documents what it answers, so every route using it declares those statuses
 * in /api/v1/openapi.json without repeating them (e.g. a rate limit → 429, an identity check → 401).
 */
export function documented<M extends object>(middleware: M, responses: Responses): M {
  return markDocumented(middleware, { spec: { responses } });
}

/** The same as `errorResponses`, as a plain `$ref` (for hono-openapi's defaultOptions, which it does not resolve). */
const errorRefResponses = (...codes: ErrorCode[]): Responses =>
  Object.fromEntries(
    byStatus(codes).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );

/**
 * What every route can answer whatever it does: a bug (500); and where a body can be sent, the
 * request-body reader's 408 (too slow) and 413 (too large). Its 400 (cut off) is every such
 * route's own 400. The Error schema these refer to is registered by `documentationComponents`.
 */
export function defaultResponses(): Partial<
  Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", { responses: Responses }>
> {
  const always = errorRefResponses("INTERNAL");
  const withBody = { responses: { ...always, ...errorRefResponses("REQUEST_TIMEOUT", "PAYLOAD_TOO_LARGE") } };
  return { GET: { responses: always }, POST: withBody, PUT: withBody, PATCH: withBody, DELETE: withBody };
}

/** Components of the document itself: the Error schema, whether or not a route names it. */
export const documentationComponents = () => ({ responses: { Error: errorResponse("An error") } });
