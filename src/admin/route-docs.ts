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
