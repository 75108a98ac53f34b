/**
 * The one module the worker shares with the web UI (`@housefull/shared` in web/): rules both sides
 * must agree on, defined once. Nothing here imports from outside `src/shared/` except zod, and
 * nothing here does I/O, so it is safe in the browser bundle.
 */
export * from "./admin-ops-schemas";
export * from "./admin-schemas";
export * from "./admission-header";
export * from "./cinema-time";
export * from "./customer";
export * from "./door";
export * from "./door-code";
export * from "./error-codes";
export * from "./geo";
export * from "./money";
export * from "./onsale";
export * from "./seat-layout";
export * from "./seat-map";
export * from "./seat-order";
export * from "./staff-roles";
export * from "./text";
export * from "./ticket-token";
export * from "./validation-messages";
export * from "./web-routes";
