import * as z from "zod/mini";
import { isHoldId } from "../domain/hold-id";
import { uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";

// Generous structural caps here (a body is never huge); the booking rules (e.g. at most
// MAX_SEATS_PER_HOLD seats) are checked by the seats domain and answered with the rule broken.
const seatIds = z
  .array(z.string().check(z.regex(SEAT_ID, { message: "seat ids look like A1 or F12" })))
  .check(z.minLength(1), z.maxLength(50), z.describe("Seat ids such as A1, F12"));
const quantity = z.number().check(z.int(), z.gte(1), z.lte(50), z.describe("Must equal the number of seats"));

export const manualHoldRequest = z.object({ showId: uuidParam("showId"), seatIds, quantity });
export const bestHoldRequest = z.object({
  showId: uuidParam("showId"),
  best: z.strictObject({
    quantity: z.number().check(z.int(), z.gte(1), z.lte(50), z.describe("How many seats, side by side")),
    category: z
      .optional(z.string().check(z.maxLength(20)))
      .check(z.describe("Only seats of this category (code); default the whole hall")),
    allowSplit: z.optional(z.boolean()).check(z.describe("Two adjacent rows are fine when no row has them all")),
  }),
});
/** Seats by id, or `best`: the seats chosen for you (docs/API.md: Best available). */
export const holdRequest = z.union([manualHoldRequest, bestHoldRequest]);
export const changeHoldRequest = z.object({ seatIds, quantity });
export const holdIdParam = z.object({ holdId: z.string().check(z.refine(isHoldId, { message: "not a hold id" })) });
export const seatMapParam = z.object({ showId: uuidParam("showId") });
export const seatMapQuery = z.object({
  holdId: z
    .optional(z.string().check(z.refine(isHoldId, { message: "not a hold id" })))
    .check(z.describe("The caller's hold on this show: its seats come back HELD with `mine` (read fresh)")),
});

const money = z.string().check(z.regex(/^\d+\.\d{2}$/));

export const holdSchema = z.object({
  holdId: z.string(),
  showId: z.uuid(),
  seatIds: z.array(z.string()),
  quantity: z.number().check(z.int()),
  status: z.enum(["HELD", "ORDERED"]),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  seats: z.array(z.object({ seatId: z.string(), category: z.string(), price: money })),
  amount: money,
});

export const seatStateSchema = z.enum(["AVAILABLE", "HELD", "BOOKED"]);

export const seatMapSchema = z.object({
  showId: z.uuid(),
  startTime: z.iso.datetime(),
  bookable: z.boolean(),
  closedReason: z.optional(z.string()),
  /** The show sells through this on-sale event's waiting room: holds need its admission. */
  onsaleEventId: z.optional(z.uuid()),
  maxSeatsPerHold: z.number().check(z.int()),
  categories: z.array(z.object({ code: z.string(), name: z.string(), price: money })),
  rows: z.array(
    z.object({
      label: z.string(),
      category: z.string(),
      seats: z.array(
        z
          .nullable(
            z.object({
              seatId: z.string(),
              number: z.number().check(z.int()),
              state: seatStateSchema,
              mine: z.boolean(),
            }),
          )
          .check(z.describe("null is an aisle or gap")),
      ),
    }),
  ),
  counts: z.object({
    total: z.number().check(z.int()),
    available: z.number().check(z.int()),
    held: z.number().check(z.int()),
    booked: z.number().check(z.int()),
  }),
});

export type HoldView = z.infer<typeof holdSchema>;
export type SeatMap = z.infer<typeof seatMapSchema>;
