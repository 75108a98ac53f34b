import * as z from "zod";
import { customerSchema } from "../shared/customer";
import { plainText } from "../shared/text";
import { EMAIL_CODE } from "./email-codes";

/**
 * Where the browser goes after signing in: a path on this site, never another origin. Refused:
 * anything not starting with one "/", a second "/" or "\" (protocol-relative), control characters.
 */
export const returnToSchema = plainText
  .max(512)
  .refine(
    (path) => /^\/(?![/\\])[^\\]*$/.test(path) && new URL(path, "https://x.invalid").host === "x.invalid",
    "returnTo must be a path on this site",
  );

export const oidcStartQuery = z.object({ returnTo: returnToSchema.default("/") });

const param = z.string().max(2048).optional();
export const oidcCallbackQuery = z.object({ code: param, state: param, error: param });

export const emailSchema = z
  .string()
  .trim()
  .pipe(z.email("Enter a valid email address").max(254))
  .transform((e) => e.toLowerCase());
export const emailStartBody = z.object({ email: emailSchema });
export const emailVerifyBody = z.object({
  email: emailSchema,
  code: z.string().trim().regex(EMAIL_CODE, "The code is 6 digits"),
});
export const renameBody = z.object({ name: customerSchema.shape.name });
export const claimGuestBody = z.object({ guestToken: z.string().min(1).max(4096) });
export const theatreParam = z.object({ theatreId: z.uuid().toLowerCase() });
export const revokeParam = theatreParam.extend({
  userId: z.uuid().toLowerCase(),
  role: z.enum(["theatre_manager", "usher"]),
});
export const grantBody = z.object({ email: emailSchema, role: z.enum(["theatre_manager", "usher"]) });

// ---- responses ----------------------------------------------------------------------------------

export const codeSentSchema = z.object({ status: z.literal("CODE_SENT"), expiresInSeconds: z.number().int() });
export const sessionSchema = z.union([
  z.object({
    signedIn: z.literal(true),
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    /** Send as `x-csrf-token` with every signed-in write. */
    csrfToken: z.string(),
  }),
  z.object({ signedIn: z.literal(false) }),
]);
export const signedOutSchema = z.object({ status: z.literal("SIGNED_OUT"), revokedSessions: z.number().int() });
export const claimedSchema = z.object({ movedOrders: z.number().int() });
export const accountSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  createdAt: z.iso.datetime(),
  devices: z.array(
    z.object({
      sessionId: z.string(),
      device: z.string().nullable(),
      method: z.string(),
      signedInAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      current: z.boolean(),
    }),
  ),
});
export const deletedSchema = z.object({ status: z.literal("DELETED"), anonymisedOrders: z.number().int() });
export const staffSchema = z.object({
  staff: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string().nullable(), role: z.string() })),
});
export const grantedSchema = z.object({ userId: z.string(), role: z.string(), theatreId: z.string() });
export const revokedSchema = grantedSchema.extend({ status: z.literal("REVOKED") });
