import { customerSchema } from "@housefull/shared";
import * as z from "zod/mini";

/**
 * The sign-in and account forms' rules: the same email and name rules as checkout and the API
 * (`customerSchema`), and the API's code rule (6 digits).
 */
export const emailForm = z.object({ email: z.pipe(z.string().check(z.trim()), customerSchema.shape.email) });
export const codeForm = z.object({
  code: z.pipe(
    z.pipe(
      z.string(),
      z.transform((c) => c.replace(/\s/g, "")),
    ),
    z.string().check(z.regex(/^\d{6}$/, "The code is the 6 digits in the email")),
  ),
});
export const nameForm = z.object({ name: customerSchema.shape.name });

export type EmailForm = z.infer<typeof emailForm>;
export type CodeForm = z.infer<typeof codeForm>;
export type NameForm = z.infer<typeof nameForm>;
