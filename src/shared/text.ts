import * as z from "zod/mini";

/**
 * Free text from a person: no control characters (Postgres refuses NUL), no unpaired surrogates,
 * and no bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069), which can
 * make a name display as something else on a ticket or in a staff list.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

export const plainText = z.string().check(
  z.refine((text) => !FORBIDDEN.test(text), {
    message: "must not contain control, unpaired surrogate or text-direction override characters",
  }),
);
