import * as z from "zod/mini";

/**
 * A UUID as the API accepts it: any letter case, normalised to lower case, because ids become
 * parts of Redis keys and cache keys — "ABC…" and "abc…" must name the same show.
 */
export const uuidParam = (name: string) =>
  z.pipe(
    z.uuid({ message: `${name} must be a UUID` }),
    z.transform((id) => id.toLowerCase()),
  );

/**
 * A positive integer in a query string (page, pageSize), from 1 to `max`: digits only. `Number()`
 * (and so `z.coerce`) would also take `1e3`, `0x10`, `+1`, ` 1` or `1.0`: one page under many
 * spellings, each its own edge-cache entry, none of them what a client means to send.
 */
export const positiveIntParam = (name: string, max: number) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^\d{1,9}$/, { message: `${name} must be a whole number written in digits` })),
      z.transform(Number),
    ),
    z.number().check(z.int(), z.gte(1), z.lte(max)),
  );

export { plainText } from "../shared/text";
