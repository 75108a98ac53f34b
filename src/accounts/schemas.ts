import * as z from "zod/mini";
import { MAX_CLAIMED_EVENTS } from "../onsale/use-cases/join-queue";
import { MAX_CLAIMED_HOLDS } from "../seats/use-cases/move-guest-holds";
import { STAFF_THEATRE_ROLES, staffGrantBody } from "../shared/admin-schemas";
import { customerSchema } from "../shared/customer";
import { STAFF_ROLES } from "../shared/staff-roles";
import { plainText } from "../shared/text";
import { EMAIL_CODE } from "./email-codes";

/**
 * Where the browser goes after signing in: a path on this site, never another origin. Refused:
 * anything not starting with one "/", a second "/" or "\" (protocol-relative), control characters.
 */
export const returnToSchema = plainText.check(
  z.maxLength(512),
  z.refine(
    (path) => /^\/(?![/\\])[^\\]*$/.test(path) && new URL(path, "https://x.invalid").host === "x.invalid",
    "returnTo must be a path on this site",
  ),
);

export const oidcStartQuery = z.object({ returnTo: z._default(returnToSchema, "/") });

const param = z.optional(z.string().check(z.maxLength(2048)));
export const oidcCallbackQuery = z.object({ code: param, state: param, error: param });

export const emailSchema = z.pipe(
  z.pipe(z.string().check(z.trim()), z.email("Enter a valid email address").check(z.maxLength(254))),
  z.transform((e) => e.toLowerCase()),
);
export const emailStartBody = z.object({ email: emailSchema });
export const emailVerifyBody = z.object({
  email: emailSchema,
  code: z.string().check(z.trim(), z.regex(EMAIL_CODE, "The code is 6 digits")),
});
export const renameBody = z.object({ name: customerSchema.shape.name });
export const claimGuestBody = z.object({
  guestToken: z.string().check(z.minLength(1), z.maxLength(4096)),
  /** The live holds this browser made as the guest (they name their shows); each must be the guest's. */
  holdIds: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(MAX_CLAIMED_HOLDS))),
  /** The on-sale waiting rooms this browser stands in as the guest: the account keeps each place. */
  onsaleEventIds: z.optional(z.array(z.uuid()).check(z.maxLength(MAX_CLAIMED_EVENTS))),
});
export const theatreParam = z.object({ theatreId: z.uuid().check(z.toLowerCase()) });
export const revokeParam = z.extend(theatreParam, {
  userId: z.uuid().check(z.toLowerCase()),
  role: z.enum(STAFF_THEATRE_ROLES),
});
/** Shared with the back office's staff form (src/shared/admin-schemas.ts). */
export const grantBody = staffGrantBody;

// ---- responses ----------------------------------------------------------------------------------

export const codeSentSchema = z.object({ status: z.literal("CODE_SENT"), expiresInSeconds: z.number().check(z.int()) });
export const sessionSchema = z.union([
  z.object({
    signedIn: z.literal(true),
    userId: z.string(),
    email: z.string(),
    name: z.nullable(z.string()),
    /** Send as `x-csrf-token` with every signed-in write. */
    csrfToken: z.string(),
  }),
  z.object({ signedIn: z.literal(false) }),
]);
export const signedOutSchema = z.object({
  status: z.literal("SIGNED_OUT"),
  revokedSessions: z.number().check(z.int()),
});
export const claimedSchema = z.object({
  movedOrders: z.number().check(z.int()),
  movedHolds: z.number().check(z.int()),
});
export const accountSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  devices: z.array(
    z.object({
      sessionId: z.string(),
      device: z.nullable(z.string()),
      method: z.string(),
      signedInAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      current: z.boolean(),
    }),
  ),
});
export const deletedSchema = z.object({ status: z.literal("DELETED"), anonymisedOrders: z.number().check(z.int()) });
export const staffSchema = z.object({
  staff: z.array(z.object({ userId: z.string(), email: z.string(), name: z.nullable(z.string()), role: z.string() })),
});
export const grantedSchema = z.object({ userId: z.string(), role: z.string(), theatreId: z.string() });
export const revokedSchema = z.extend(grantedSchema, { status: z.literal("REVOKED") });
/** The caller's staff roles: `theatreId` null for admin (everywhere). */
export const myRolesSchema = z.object({
  roles: z.array(z.object({ role: z.enum(STAFF_ROLES), theatreId: z.nullable(z.string()) })),
});
