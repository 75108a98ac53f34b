import * as z from "zod/mini";
import { plainText, uuidParam } from "../domain/ids";
import { SEAT_ID } from "../domain/seat-selection";
import { TICKET_CODE } from "../shared/door-code";
import { REFUSAL_REASONS } from "./door-rules";

const seatIds = z
  .array(z.string().check(z.regex(SEAT_ID, { message: "seat ids look like A1 or F12" })))
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.describe("The seats to admit now (a part of the order); all of the ticket's when omitted"),
  );
const gate = plainText.check(
  z.trim(),
  z.minLength(1),
  z.maxLength(40),
  z.describe("The door this scanner stands at, e.g. Gate 1"),
);
const token = z
  .string()
  .check(z.minLength(1), z.maxLength(1_000), z.describe("The token the ticket's QR code carries"));
const code = z
  .pipe(
    z.pipe(
      z.string(),
      z.transform((text) => text.replace(/[\s-]/g, "").toUpperCase()),
    ),
    z.string().check(z.regex(TICKET_CODE, { message: "a ticket code looks like BMS30F12E2E" })),
  )
  .check(
    z.describe("The short code printed on the ticket, typed when the QR code cannot be read (instead of `token`)"),
  );
/** A scan names its ticket one way: the QR code's token, or the typed short code (never both). */
function oneCredential<T extends { token?: string; code?: string }>(scan: T, ctx: z.core.ParsePayload) {
  const { token, code, ...rest } = scan;
  if (code !== undefined && token === undefined) return { ...rest, code };
  if (token !== undefined && code === undefined) return { ...rest, token };
  ctx.issues.push({
    code: "custom",
    message: "Send the ticket's `token` or its typed `code`, one of the two",
    input: scan,
  });
  return z.NEVER;
}
const scanId = uuidParam("scanId").check(
  z.describe("The scanner's id for this scan: a retry of it is not a second scan"),
);

export const showIdParam = z.object({ showId: uuidParam("showId") });

export const checkInBody = z.pipe(
  z.object({
    showId: uuidParam("showId").check(z.describe("The gate's show")),
    gate,
    token: z.optional(token),
    code: z.optional(code),
    seats: z.optional(seatIds),
    scanId: z.optional(scanId),
  }),
  z.transform(oneCredential),
);

export const syncBody = z.object({
  showId: uuidParam("showId"),
  admissions: z
    .array(
      z.pipe(
        z.object({
          scanId,
          token: z.optional(token),
          code: z.optional(code),
          gate,
          scannedAt: z.iso.datetime({ offset: true }),
          seats: z.optional(seatIds),
        }),
        z.transform(oneCredential),
      ),
    )
    .check(z.minLength(1), z.maxLength(200)),
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
    admitted: z.array(z.string()).check(z.describe("Seats admitted by this scan")),
    earlier: z.array(seatAdmission).check(z.describe("Seats asked for that an earlier scan had admitted")),
    gate: z.string(),
    admittedAt: z.iso.datetime(),
  })
  .check(z.meta({ id: "CheckIn" }));

export const syncSchema = z
  .object({
    results: z.array(
      z.object({
        scanId: z.uuid(),
        outcome: z.enum(["ADMITTED", "CONFLICT", "REFUSED"]),
        ticket: z.optional(doorTicket),
        admitted: z.optional(z.array(z.string())),
        first: z.optional(z.array(seatAdmission)).check(z.describe("CONFLICT: who admitted these seats first")),
        reason: z.optional(z.enum(REFUSAL_REASONS)),
        detail: z.optional(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: "CheckInSync" }));

export const manifestSchema = z
  .object({
    showId: z.uuid(),
    doorsOpenAt: z.iso.datetime(),
    doorsCloseAt: z.iso.datetime(),
    keys: z.array(z.object({ kid: z.string(), kty: z.string(), crv: z.string(), x: z.string(), notAfter: z.string() })),
    admitted: z.array(z.object({ orderId: z.uuid(), seats: z.array(seatAdmission) })),
    revoked: z.array(z.object({ orderId: z.uuid(), version: z.number().check(z.int()) })),
    codes: z
      .array(z.object({ digest: z.string(), orderId: z.uuid(), seatIds: z.array(z.string()) }))
      .check(
        z.describe("Confirmed tickets by the digest of their typed code (no personal data): offline code check-in"),
      ),
    generatedAt: z.iso.datetime(),
  })
  .check(z.meta({ id: "DoorManifest" }));

export const conflictsSchema = z
  .object({
    conflicts: z.array(
      z.object({
        orderId: z.uuid(),
        ticketCode: z.nullable(z.string()),
        seatId: z.string(),
        first: z.object({ gate: z.string(), admittedAt: z.iso.datetime() }),
        second: z.object({ gate: z.string(), scannedAt: z.iso.datetime() }),
        recordedAt: z.iso.datetime(),
      }),
    ),
  })
  .check(z.meta({ id: "DoorConflicts" }));

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
  .check(z.meta({ id: "DoorGates" }));
