import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodMiniType as ZodType } from "zod/mini";
import { ApiError } from "./errors";
import { markDocumented } from "./openapi-doc";

/**
 * `zValidator` with the API's error shape (400 VALIDATION_FAILED, zod's issues as details), and
 * marked so the same schema documents the route in /api/v1/openapi.json.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  const middleware = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: [target, ...issue.path.map(String)].join("."),
        message: issue.message,
      }));
      throw new ApiError("VALIDATION_FAILED", `Invalid ${target}: ${issues[0]?.path} ${issues[0]?.message}`, {
        issues,
      });
    }
  });
  return markDocumented(middleware, { target, schema });
}
