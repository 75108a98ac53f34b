import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod mini loads no locale, so a failed check would say only "Invalid input". The worker (src/app.ts)
 * and the web's form resolver (web/src/lib/zod-resolver.ts) call this once: English messages, as full
 * zod gave, for the checks that carry no message of their own. A function, not a module side effect,
 * because the web bundles src/shared as side-effect free.
 */
export const installEnglishValidationMessages = (): void => {
  z.config(en());
};
