import * as z from "zod/mini";
import { isHoldId } from "../domain/hold-id";
import { positiveIntParam, uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";
import { ORDER_STATUSES, REFUND_REASONS, REFUND_STATUSES } from "../domain/statuses";
import { pageOf } from "../http/paging";
import { type Customer, customerSchema } from "../shared/customer";

export const createOrderRequest = z.object({
  holdId: z.string().check(z.refine(isHoldId, { message: "not a hold id" })),
  seatIds: z
    .optional(
      z
        .array(z.string().check(z.regex(SEAT_ID, { message: "seat ids look like A1 or F12" })))
        .check(z.minLength(1), z.maxLength(50)),
    )
    .check(z.describe("The hold's seats, as POST /holds answered them: the order then takes one round trip")),
  customer: customerSchema,
});

export const orderIdParam = z.object({ orderId: uuidParam("orderId") });

export const orderListQuery = z.object({
  page: z._default(positiveIntParam("page", 10_000), 1),
  pageSize: z._default(positiveIntParam("pageSize", 50), 10),
});

const money = z.string().check(z.regex(/^\d+\.\d{2}$/));

export const orderSchema = z.object({
  orderId: z.uuid(),
  status: z.enum(ORDER_STATUSES),
  holdId: z.string(),
  seatIds: z.array(z.string()),
  amount: money.check(z.describe("The total charged: seats plus the convenience fee")),
  convenienceFee: money,
  receipt: z.object({
    lines: z.array(
      z.object({
        category: z.string(),
        name: z.string(),
        seatIds: z.array(z.string()),
        quantity: z.number().check(z.int()),
        unitPrice: money,
        amount: money,
      }),
    ),
    convenienceFee: money,
    total: money,
  }),
  paidAt: z.nullable(z.iso.datetime()),
  refund: z
    .nullable(
      z.object({
        status: z.enum(REFUND_STATUSES),
        reason: z.nullable(z.enum(REFUND_REASONS)),
        amount: money,
        requestedAt: z.iso.datetime(),
        updatedAt: z.nullable(z.iso.datetime()),
        failure: z.nullable(z.string()),
      }),
    )
    .check(z.describe("The refund owed on this order, if any")),
  ticketCode: z.nullable(z.string()),
  customer: z.object({ name: z.nullable(z.string()), email: z.nullable(z.string()), phone: z.nullable(z.string()) }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().check(z.describe("Payment deadline")),
  confirmedAt: z.nullable(z.iso.datetime()),
  cancelledAt: z.nullable(z.iso.datetime()),
  cancellable: z.boolean(),
  cancellation: z
    .nullable(
      z.object({
        until: z.iso.datetime(),
        feePercent: z.number(),
        fee: money.check(z.describe("Kept by the theatre on a cancel now")),
        refund: money.check(z.describe("Paid back on a cancel now")),
      }),
    )
    .check(z.describe("The booking's cancellation terms while it can still be cancelled once paid; null: it cannot")),
  show: z.object({
    id: z.uuid(),
    startTime: z.iso.datetime(),
    movie: z.object({
      id: z.uuid(),
      title: z.string(),
      posterUrl: z.nullable(z.string()),
      language: z.nullable(z.string()),
      format: z.nullable(z.string()),
      durationMins: z.nullable(z.number().check(z.int())),
      ageRating: z.nullable(z.string()),
    }),
    theatre: z.object({
      id: z.uuid(),
      name: z.string(),
      city: z.nullable(z.string()),
      address: z.nullable(z.string()),
      cancellationAvailable: z.boolean(),
    }),
  }),
});

export const startPaymentSchema = z.object({ url: z.url().check(z.describe("The provider's checkout page")) });

export const orderListSchema = pageOf(orderSchema);

export { type Customer, customerSchema };
export type OrderView = z.infer<typeof orderSchema>;
