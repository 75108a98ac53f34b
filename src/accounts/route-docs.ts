import { errorResponse, errorResponses } from "../http/openapi-doc";

/** Every accounts route reads or writes Postgres. */
export const backendDown = errorResponses("SERVICE_UNAVAILABLE");
export const signedIn = { 401: errorResponse("Not signed in (no session, or it was revoked)") };
export const csrf = { 403: errorResponse("`CSRF_REFUSED`: from another site, or without the `x-csrf-token` header") };
/** A signed-in write: it needs the session and, from a browser, its CSRF token. */
export const signedInWrite = { ...backendDown, ...signedIn, ...csrf };
