import * as z from "zod/mini";
import { customerSchema } from "./customer";
import { SEAT_ID } from "./seat-order";
import { plainText } from "./text";

/**
 * The back office's operations (issue 12: house seats, the box office, cancelling a show, the
 * numbers): the request schemas the API validates with and the web's forms use, and the shapes of
 * its answers, defined once (docs/API.md: Back office).
 */

/** Why a theatre keeps a seat off online sale. */
export const HOUSE_SEAT_REASONS = ["VIP", "PRESS", "BROKEN", "OTHER"] as const;
export type HouseSeatReason = (typeof HOUSE_SEAT_REASONS)[number];

/** How an order was paid: through the payment provider, or at the theatre's counter. */
export const PAYMENT_METHODS = ["online", "counter"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The most seats one house-seat request may name (a whole large hall). */
export const MAX_HOUSE_SEATS_PER_REQUEST = 500;

const seatIds = z.array(z.string().check(z.regex(SEAT_ID, "not a seat id"))).check(
  z.minLength(1, "Name at least one seat"),
  z.maxLength(MAX_HOUSE_SEATS_PER_REQUEST),
  z.refine((ids) => new Set(ids).size === ids.length, "A seat appears more than once"),
);

export const blockHouseSeatsRequest = z.object({
  seatIds,
  reason: z.enum(HOUSE_SEAT_REASONS),
  note: z.optional(z.pipe(plainText, z.string().check(z.trim(), z.maxLength(200)))),
});
export type BlockHouseSeatsRequest = z.infer<typeof blockHouseSeatsRequest>;

export const unblockHouseSeatsRequest = z.object({ seatIds });
export type UnblockHouseSeatsRequest = z.infer<typeof unblockHouseSeatsRequest>;

export const houseSeatSchema = z.object({
  seatId: z.string(),
  reason: z.enum(HOUSE_SEAT_REASONS),
  note: z.nullable(z.string()),
  blockedBy: z.uuid(),
  blockedAt: z.iso.datetime(),
});
export type HouseSeat = z.infer<typeof houseSeatSchema>;

export const houseSeatListSchema = z.object({ showId: z.uuid(), houseSeats: z.array(houseSeatSchema) });
export type HouseSeatList = z.infer<typeof houseSeatListSchema>;

/** A walk-in buyer: a name and a phone number; an email address only if they want the ticket mailed. */
export const counterCustomerSchema = z.extend(customerSchema, { email: z.optional(customerSchema.shape.email) });
export type CounterCustomer = z.infer<typeof counterCustomerSchema>;

/** The staff member's own hold (POST /holds as themselves) becomes a paid counter sale. */
export const counterSaleRequest = z.object({
  holdId: z.string().check(z.minLength(1), z.maxLength(64)),
  customer: counterCustomerSchema,
});
export type CounterSaleRequest = z.infer<typeof counterSaleRequest>;

export const cancelShowRequest = z.object({
  reason: z.optional(z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))),
});
export type CancelShowRequest = z.infer<typeof cancelShowRequest>;

const money = z.string().check(z.regex(/^\d+\.\d{2}$/));

/** Where a show's cancellation job is: every order it had, and how many are handled. */
export const cancellationProgressSchema = z.object({
  showId: z.uuid(),
  status: z.enum(["IN_PROGRESS", "COMPLETED"]),
  requestedAt: z.iso.datetime(),
  requestedBy: z.uuid(),
  reason: z.nullable(z.string()),
  completedAt: z.nullable(z.iso.datetime()),
  orders: z.object({
    /** Orders the show had when the job took them (pending or confirmed). */
    total: z.number().check(z.int()),
    /** Cancelled, refund accepted by the provider (or owed at the counter), email queued. */
    done: z.number().check(z.int()),
    /** Handled, but the provider refused the refund for good (an operator must look). */
    failed: z.number().check(z.int()),
    /** Not handled yet (the job is running, or was interrupted and will resume). */
    pending: z.number().check(z.int()),
  }),
  refunds: z.object({
    count: z.number().check(z.int()),
    amount: money,
    succeeded: z.number().check(z.int()),
    pending: z.number().check(z.int()),
    failed: z.number().check(z.int()),
    /** Counter sales: paid back in cash at the box office, not through the provider. */
    atCounter: z.number().check(z.int()),
  }),
  emailed: z.number().check(z.int()),
});
export type CancellationProgress = z.infer<typeof cancellationProgressSchema>;

export const REPORT_GROUPS = ["show", "day", "movie", "theatre"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The longest report range, in days (every show of the range is read at once). */
export const MAX_REPORT_DAYS = 366;

const day = z.iso.date({ message: "must be YYYY-MM-DD" });

export const reportQuery = z
  .object({
    groupBy: z._default(z.enum(REPORT_GROUPS), "show"),
    /** Show days (the cinemas' calendar), inclusive. */
    from: day,
    to: day,
    theatreId: z.optional(
      z.pipe(
        z.uuid(),
        z.transform((id) => id.toLowerCase()),
      ),
    ),
    movieId: z.optional(
      z.pipe(
        z.uuid(),
        z.transform((id) => id.toLowerCase()),
      ),
    ),
    format: z.optional(z.enum(["json", "csv"])),
  })
  .check(
    z.refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] }),
    z.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
      message: `at most ${MAX_REPORT_DAYS} days`,
      path: ["to"],
    }),
  );
export type ReportQuery = z.infer<typeof reportQuery>;

/** One line of a report: the figures of a show, a day, a movie or a theatre. */
export const reportRowSchema = z.object({
  key: z.string().check(z.describe("The show id, the day (YYYY-MM-DD), the movie id or the theatre id")),
  label: z.string(),
  shows: z.number().check(z.int()),
  capacity: z.number().check(z.int(), z.describe("Seats in the halls of these shows")),
  seatsSold: z.number().check(z.int(), z.describe("Seats of confirmed orders")),
  seatsSoldOnline: z.number().check(z.int()),
  seatsSoldCounter: z.number().check(z.int()),
  houseSeats: z.number().check(z.int(), z.describe("Seats kept off sale")),
  occupancy: z.number().check(z.describe("seatsSold / capacity, 0…1")),
  gross: money.check(z.describe("Money received (paid orders, online and counter), fees included")),
  grossOnline: money,
  grossCounter: money,
  fees: money.check(z.describe("Convenience fees of paid orders")),
  refunds: money.check(z.describe("Every refund recorded: returned, on its way or owed")),
  net: money.check(z.describe("gross − refunds")),
  funnel: z.object({
    holds: z.number().check(z.int()),
    holdsReleased: z.number().check(z.int()),
    orders: z.number().check(z.int(), z.describe("Orders placed (every hold that became one)")),
    paymentsStarted: z.number().check(z.int(), z.describe("Online orders that opened a checkout")),
    paid: z.number().check(z.int(), z.describe("Orders confirmed (online and counter)")),
    paidOnline: z.number().check(z.int()),
    holdExpiryRate: z.number().check(z.describe("(holds − orders − released) / holds: holds left to lapse, 0…1")),
    paymentSuccessRate: z.number().check(z.describe("paidOnline / paymentsStarted, 0…1")),
  }),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSchema = z.object({
  groupBy: z.enum(REPORT_GROUPS),
  from: z.string(),
  to: z.string(),
  theatreIds: z.union([z.literal("all"), z.array(z.uuid())]),
  rows: z.array(reportRowSchema),
  totals: reportRowSchema,
});
export type Report = z.infer<typeof reportSchema>;
