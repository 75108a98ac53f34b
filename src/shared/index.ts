/**
 * The one module the worker shares with the web UI (`@housefull/shared` in web/): rules both sides
 * must agree on, defined once. Nothing here imports from outside `src/shared/` except zod, and
 * nothing here does I/O, so it is safe in the browser bundle.
 */
export * from "./admin-ops-schemas";
export * from "./admin-schemas";
export * from "./cinema-time";
export * from "./customer";
export * from "./door";
export * from "./error-codes";
export * from "./money";
export * from "./seat-layout";
export * from "./seat-order";
export * from "./text";
export * from "./ticket-token";
