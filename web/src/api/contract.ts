/**
 * The API's contract as types, the one place the UI reaches into the worker's source: the route
 * table (paths, inputs, response shapes for the typed `hc` client) and the seat map, which is sent
 * pre-serialised (for its ETag) so its shape comes from the worker's schema. Type-only: nothing
 * from the worker is bundled. Rules shared at run time come from `@housefull/shared` instead.
 */
export type { ApiType } from "../../../src/app";
export type { SeatMap } from "../../../src/seats/schemas";
