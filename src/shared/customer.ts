import * as z from "zod/mini";
import { plainText } from "./text";

/** Customer details, validated by the same schema in the API and in the web checkout form. */
export const customerSchema = z.object({
  name: z.pipe(
    plainText,
    z.string().check(z.trim(), z.minLength(2, "Enter your full name"), z.maxLength(100, "Name is too long")),
  ),
  email: z.email("Enter a valid email address").check(z.maxLength(254), z.toLowerCase()),
  phone: z
    .pipe(
      z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{6,20}$/, "Enter a valid phone number")),
      z.transform((p) => p.replace(/[^0-9+]/g, "")),
    )
    .check(
      z.refine(
        (p) => p.replace(/\D/g, "").length >= 10 && p.replace(/\D/g, "").length <= 15,
        "Enter a valid phone number",
      ),
    ),
});

export type Customer = z.infer<typeof customerSchema>;
export type CustomerInput = z.input<typeof customerSchema>;
