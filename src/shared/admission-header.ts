/**
 * The waiting room's admission travels back to `POST /holds` in this header (never in a cookie: it
 * is per event, the page sends it). Kept apart from ./onsale.ts: the web's API client adds the
 * header on every page, and importing it from the schemas' module would bring zod (~13 KB gzipped)
 * into the movies page's first load.
 */
export const ADMISSION_HEADER = "Admission-Token";
