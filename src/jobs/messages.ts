import { z } from "zod";

/**
 * Every message on the worker's queue (wrangler.toml: housefull-email): booking emails, and refunds
 * whose provider call failed and must be tried again. One queue, one consumer that routes by type.
 */
export const EMAIL_KINDS = ["order.confirmed", "order.cancelled", "order.refunded"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const emailMessageSchema = z.object({ type: z.enum(EMAIL_KINDS), orderId: z.uuid() });
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/** The order owes a refund the provider has not accepted (or has failed): call the refund use case again. */
export const refundRequestedSchema = z.object({ type: z.literal("refund.requested"), orderId: z.uuid() });
export type RefundRequested = z.infer<typeof refundRequestedSchema>;

export type QueueMessage = EmailMessage | RefundRequested;

export const isRefundRequest = (body: unknown): boolean =>
  typeof body === "object" && body !== null && (body as { type?: unknown }).type === "refund.requested";
