import * as z from "zod";
import { plainText, uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";
import { REFUSAL_REASONS } from "./door-rules";

const seatIds = z
  .array(z.string().regex(SEAT_ID, { message: "seat ids look like A1 or F12" }))
  .min(1)
  .max(64)
  .describe("The seats to admit now (a part of the order); all of the ticket's when omitted");
const gate = plainText.trim().min(1).max(40).describe("The door this scanner stands at, e.g. Gate 1");
const token = z.string().min(1).max(1_000).describe("The token the ticket's QR code carries");
const scanId = uuidParam("scanId").describe("The scanner's id for this scan: a retry of it is not a second scan");

export const showIdParam = z.object({ showId: uuidParam("showId") });

export const checkInBody = z.object({
  showId: uuidParam("showId").describe("The gate's show"),
  gate,
  token,
  seats: seatIds.optional(),
  scanId: scanId.optional(),
});

export const syncBody = z.object({
  showId: uuidParam("showId"),
  admissions: z
    .array(z.object({ scanId, token, gate, scannedAt: z.iso.datetime({ offset: true }), seats: seatIds.optional() }))
    .min(1)
    .max(200),
});

const doorTicket = z.object({
  orderId: z.uuid(),
  ticketCode: z.string(),
  holder: z.string(),
  seatIds: z.array(z.string()),
});
const seatAdmission = z.object({ seatId: z.string(), gate: z.string(), admittedAt: z.iso.datetime() });

export const admittedSchema = z
  .object({
    outcome: z.literal("ADMITTED"),
    ticket: doorTicket,
    admitted: z.array(z.string()).describe("Seats admitted by this scan"),
    earlier: z.array(seatAdmission).describe("Seats asked for that an earlier scan had admitted"),
    gate: z.string(),
    admittedAt: z.iso.datetime(),
  })
  .meta({ id: "CheckIn" });

export const syncSchema = z
  .object({
    results: z.array(
      z.object({
        scanId: z.uuid(),
        outcome: z.enum(["ADMITTED", "CONFLICT", "REFUSED"]),
        ticket: doorTicket.optional(),
        admitted: z.array(z.string()).optional(),
        first: z.array(seatAdmission).optional().describe("CONFLICT: who admitted these seats first"),
        reason: z.enum(REFUSAL_REASONS).optional(),
        detail: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "CheckInSync" });

export const manifestSchema = z
  .object({
    showId: z.uuid(),
    doorsOpenAt: z.iso.datetime(),
    doorsCloseAt: z.iso.datetime(),
    keys: z.array(z.object({ kid: z.string(), kty: z.string(), crv: z.string(), x: z.string(), notAfter: z.string() })),
    admitted: z.array(z.object({ orderId: z.uuid(), seats: z.array(seatAdmission) })),
    revoked: z.array(z.object({ orderId: z.uuid(), version: z.number().int() })),
    generatedAt: z.iso.datetime(),
  })
  .meta({ id: "DoorManifest" });

export const conflictsSchema = z
  .object({
    conflicts: z.array(
      z.object({
        orderId: z.uuid(),
        ticketCode: z.string().nullable(),
        seatId: z.string(),
        first: z.object({ gate: z.string(), admittedAt: z.iso.datetime() }),
        second: z.object({ gate: z.string(), scannedAt: z.iso.datetime() }),
        recordedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "DoorConflicts" });

export const gatesSchema = z
  .object({
    gates: z.array(
      z.object({
        showId: z.uuid(),
        movieTitle: z.string(),
        theatreName: z.string(),
        startTime: z.iso.datetime(),
        doorsOpenAt: z.iso.datetime(),
        doorsCloseAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "DoorGates" });
