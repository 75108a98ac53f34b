import { resolver } from "hono-openapi";
import { type ZodType, z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../shared/error-codes";

/** An OpenAPI response whose JSON body is `schema`. */
export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { "application/json": { schema: resolver(schema) } },
});

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** SPEC's error body; the code is one of the registry's, each listed with its status and meaning. */
export const errorSchema = z
  .object({
    error: z
      .object({
        code: z
          .enum(errorCodes)
          .describe(
            errorCodes
              .map((code) => `\`${code}\` (${ERROR_CODES[code].status}): ${ERROR_CODES[code].meaning}`)
              .join("; "),
          ),
        message: z.string(),
        timestamp: z.iso.datetime(),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: "Error" });

/** An error response in SPEC's shape. */
export const errorResponse = (description: string) => jsonResponse(description, errorSchema);
