import { z } from "zod";

/**
 * A UUID as the API accepts it: any letter case, normalised to lower case, because ids become
 * parts of Redis keys and cache keys — "ABC…" and "abc…" must name the same show.
 */
export const uuidParam = (name: string) =>
  z.uuid({ message: `${name} must be a UUID` }).transform((id) => id.toLowerCase());

export { plainText } from "../shared/text";
