import * as z from "zod";
import { isHoldId } from "../domain/hold-id";
import { uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";

// Generous structural caps here (a body is never huge); the booking rules (e.g. at most
// MAX_SEATS_PER_HOLD seats) are checked by the seats domain and answered with the rule broken.
const seatIds = z
  .array(z.string().regex(SEAT_ID, { message: "seat ids look like A1 or F12" }))
  .min(1)
  .max(50)
  .describe("Seat ids such as A1, F12");
const quantity = z.number().int().min(1).max(50).describe("Must equal the number of seats");

export const holdRequest = z.object({ showId: uuidParam("showId"), seatIds, quantity });
export const changeHoldRequest = z.object({ seatIds, quantity });
export const holdIdParam = z.object({ holdId: z.string().refine(isHoldId, { message: "not a hold id" }) });
export const seatMapParam = z.object({ showId: uuidParam("showId") });

const money = z.string().regex(/^\d+\.\d{2}$/);

export const holdSchema = z.object({
  holdId: z.string(),
  showId: z.uuid(),
  seatIds: z.array(z.string()),
  quantity: z.number().int(),
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
  closedReason: z.string().optional(),
  maxSeatsPerHold: z.number().int(),
  categories: z.array(z.object({ code: z.string(), name: z.string(), price: money })),
  rows: z.array(
    z.object({
      label: z.string(),
      category: z.string(),
      seats: z.array(
        z
          .object({ seatId: z.string(), number: z.number().int(), state: seatStateSchema, mine: z.boolean() })
          .nullable()
          .describe("null is an aisle or gap"),
      ),
    }),
  ),
  counts: z.object({
    total: z.number().int(),
    available: z.number().int(),
    held: z.number().int(),
    booked: z.number().int(),
  }),
});

export type HoldView = z.infer<typeof holdSchema>;
export type SeatMap = z.infer<typeof seatMapSchema>;
