import * as z from "zod/mini";

/**
 * Every message on the worker's queue (wrangler.toml: housefull-email): booking emails, and refunds
 * whose provider call failed and must be tried again. One queue, one consumer that routes by type.
 */
export const EMAIL_KINDS = ["order.confirmed", "order.cancelled", "order.refunded", "show.cancelled"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const bookingEmailSchema = z.object({ type: z.enum(EMAIL_KINDS), orderId: z.uuid() });
export type BookingEmailMessage = z.infer<typeof bookingEmailSchema>;

/** A sign-in code (src/accounts): address and code sealed, readable only by this worker. */
export const signInCodeEmailSchema = z.object({
  type: z.literal("auth.email-code"),
  sealed: z.string().check(z.minLength(1), z.maxLength(4096)),
});
export const emailMessageSchema = z.union([bookingEmailSchema, signInCodeEmailSchema]);
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/** The order owes a refund the provider has not accepted (or has failed): call the refund use case again. */
export const refundRequestedSchema = z.object({ type: z.literal("refund.requested"), orderId: z.uuid() });
export type RefundRequested = z.infer<typeof refundRequestedSchema>;

/**
 * A cancelled show's orders still to handle (src/admin): the job takes the next few, and queues
 * this message again until none is left. Idempotent, so a redelivery or a retry resumes it.
 */
export const showCancellationSchema = z.object({ type: z.literal("show.cancellation"), showId: z.uuid() });
export type ShowCancellationMessage = z.infer<typeof showCancellationSchema>;

export type QueueMessage = EmailMessage | RefundRequested | ShowCancellationMessage;

const typeOf = (body: unknown): unknown =>
  typeof body === "object" && body !== null ? (body as { type?: unknown }).type : undefined;

export const isRefundRequest = (body: unknown): boolean => typeOf(body) === "refund.requested";
export const isShowCancellation = (body: unknown): boolean => typeOf(body) === "show.cancellation";
