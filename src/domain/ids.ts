import * as z from "zod";

/**
 * A UUID as the API accepts it: any letter case, normalised to lower case, because ids become
 * parts of Redis keys and cache keys — "ABC…" and "abc…" must name the same show.
 */
export const uuidParam = (name: string) =>
  z.uuid({ message: `${name} must be a UUID` }).transform((id) => id.toLowerCase());

/**
 * A positive integer in a query string (page, pageSize), from 1 to `max`: digits only. `Number()`
 * (and so `z.coerce`) would also take `1e3`, `0x10`, `+1`, ` 1` or `1.0`: one page under many
 * spellings, each its own edge-cache entry, none of them what a client means to send.
 */
export const positiveIntParam = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: `${name} must be a whole number written in digits` })
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export { plainText } from "../shared/text";
