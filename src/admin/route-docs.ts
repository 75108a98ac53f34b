import * as z from "zod/mini";
import type { ErrorCode } from "../http/errors";
import { errorResponses, type jsonResponse } from "../http/openapi-doc";

/**
 * What every admin route may answer besides its own outcomes: a bad parameter or body (400), no
 * caller (401, from requireUser), requireStaff's 403 and 404, and a backend down (503).
 */
export const adminErrors = (...more: Parameters<typeof errorResponses>) =>
  errorResponses(
    "VALIDATION_FAILED",
    "BAD_REQUEST",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "THEATRE_NOT_FOUND",
    "SERVICE_UNAVAILABLE",
    ...more,
  );

export const adminDoc = (
  summary: string,
  ok: Record<number, ReturnType<typeof jsonResponse>>,
  ...codes: Parameters<typeof errorResponses>
) => ({
  tags: ["Back office"],
  summary,
  responses: { ...ok, ...adminErrors(...codes) },
});

/** The shape of a list answer: `{ [key]: item[] }`. */
export const listOf = <T extends z.ZodMiniType>(key: string, item: T) => z.object({ [key]: z.array(item) });

/** What every route on one show can answer besides its own outcomes (a write made with cookies also needs CSRF). */
const SHOW_ROUTE = ["VALIDATION_FAILED", "SHOW_NOT_FOUND", "FORBIDDEN", "SERVICE_UNAVAILABLE"] as const;
export const showRouteErrors = (...codes: ErrorCode[]) => errorResponses(...SHOW_ROUTE, ...codes);
export const showWriteErrors = (...codes: ErrorCode[]) => showRouteErrors("CSRF_REFUSED", ...codes);
