import * as z from "zod";
import { isHoldId } from "../domain/hold-id";
import { positiveIntParam, uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";
import { ORDER_STATUSES, REFUND_REASONS, REFUND_STATUSES } from "../domain/statuses";
import { type Customer, customerSchema } from "../shared/customer";

export const createOrderRequest = z.object({
  holdId: z.string().refine(isHoldId, { message: "not a hold id" }),
  seatIds: z
    .array(z.string().regex(SEAT_ID, { message: "seat ids look like A1 or F12" }))
    .min(1)
    .max(50)
    .optional()
    .describe("The hold's seats, as POST /holds answered them: the order then takes one round trip"),
  customer: customerSchema,
});

export const orderIdParam = z.object({ orderId: uuidParam("orderId") });

export const orderListQuery = z.object({
  page: positiveIntParam("page", 10_000).default(1),
  pageSize: positiveIntParam("pageSize", 50).default(10),
});

const money = z.string().regex(/^\d+\.\d{2}$/);

export const orderSchema = z.object({
  orderId: z.uuid(),
  status: z.enum(ORDER_STATUSES),
  holdId: z.string(),
  seatIds: z.array(z.string()),
  amount: money.describe("The total charged: seats plus the convenience fee"),
  convenienceFee: money,
  receipt: z.object({
    lines: z.array(
      z.object({
        category: z.string(),
        name: z.string(),
        seatIds: z.array(z.string()),
        quantity: z.number().int(),
        unitPrice: money,
        amount: money,
      }),
    ),
    convenienceFee: money,
    total: money,
  }),
  paidAt: z.iso.datetime().nullable(),
  refund: z
    .object({
      status: z.enum(REFUND_STATUSES),
      reason: z.enum(REFUND_REASONS).nullable(),
      amount: money,
      requestedAt: z.iso.datetime(),
      updatedAt: z.iso.datetime().nullable(),
      failure: z.string().nullable(),
    })
    .nullable()
    .describe("The refund owed on this order, if any"),
  ticketCode: z.string().nullable(),
  customer: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().describe("Payment deadline"),
  confirmedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancellable: z.boolean(),
  show: z.object({
    id: z.uuid(),
    startTime: z.iso.datetime(),
    movie: z.object({
      id: z.uuid(),
      title: z.string(),
      posterUrl: z.string().nullable(),
      language: z.string().nullable(),
      format: z.string().nullable(),
      durationMins: z.number().int().nullable(),
      ageRating: z.string().nullable(),
    }),
    theatre: z.object({
      id: z.uuid(),
      name: z.string(),
      city: z.string().nullable(),
      address: z.string().nullable(),
      cancellationAvailable: z.boolean(),
    }),
  }),
});

export const startPaymentSchema = z.object({ url: z.url().describe("The provider's checkout page") });

export const orderListSchema = z.object({
  items: z.array(orderSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});

export { type Customer, customerSchema };
export type OrderView = z.infer<typeof orderSchema>;
