import { resolver } from "hono-openapi";
import type { ZodType } from "zod";
import { errorSchema } from "../catalog/schemas";

/** An OpenAPI response whose JSON body is `schema`. */
export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { "application/json": { schema: resolver(schema) } },
});

/** An error response in SPEC's shape. */
export const errorResponse = (description: string) => jsonResponse(description, errorSchema);
