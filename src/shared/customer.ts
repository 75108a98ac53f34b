import * as z from "zod";
import { plainText } from "./text";

/** Customer details, validated by the same schema in the API and in the web checkout form. */
export const customerSchema = z.object({
  name: plainText.pipe(z.string().trim().min(2, "Enter your full name").max(100, "Name is too long")),
  email: z.email("Enter a valid email address").max(254).toLowerCase(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{6,20}$/, "Enter a valid phone number")
    .transform((p) => p.replace(/[^0-9+]/g, ""))
    .refine(
      (p) => p.replace(/\D/g, "").length >= 10 && p.replace(/\D/g, "").length <= 15,
      "Enter a valid phone number",
    ),
});

export type Customer = z.infer<typeof customerSchema>;
export type CustomerInput = z.input<typeof customerSchema>;
