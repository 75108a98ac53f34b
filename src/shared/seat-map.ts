/**
 * How old a customer's seat map may be: each location serves a shared snapshot of a show's seats
 * at most this old (src/seats/seat-map-snapshot.ts; SEAT_MAP_SNAPSHOT_MS overrides it per
 * deployment). Holds never read the snapshot; the web uses this to know how long a map may lag.
 */
export const SEAT_MAP_SNAPSHOT_DEFAULT_MS = 1_000;
