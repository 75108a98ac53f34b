import { errorResponse } from "../http/openapi-doc";
import { refusals } from "../http/refusals";
import type { ChangeHoldOutcome } from "./use-cases/change-hold";
import type { HoldSeatsOutcome } from "./use-cases/hold-seats";
import type { ReadHoldOutcome } from "./use-cases/read-hold";
import type { ReadSeatMapOutcome } from "./use-cases/read-seat-map";
import type { ReleaseHoldOutcome } from "./use-cases/release-hold";

type SeatOutcome = HoldSeatsOutcome | ChangeHoldOutcome | ReleaseHoldOutcome | ReadHoldOutcome | ReadSeatMapOutcome;
/** The outcomes a route answers with a body of its own; every other one is a refusal below. */
type Success = "HELD" | "HOLD_EXISTS" | "SWAPPED" | "RELEASED" | "HOLD" | "SEAT_MAP";
export type SeatRefusal = Exclude<SeatOutcome, { outcome: Success }>;

/**
 * The error each refused seat outcome answers with. Outcome names are the error codes (one name
 * from Lua to HTTP); the status comes from the registry in src/shared. The table is exhaustive:
 * a use case that gains an outcome fails the type check until it has an answer here.
 */
export const refusal = refusals<SeatRefusal>({
  SHOW_NOT_FOUND: ["SHOW_NOT_FOUND", "No such show"],
  HOLD_NOT_FOUND: ["HOLD_NOT_FOUND", "No such hold"],
  HOLD_EXPIRED: ["HOLD_EXPIRED", "This hold has expired; choose your seats again"],
  HOLD_CHANGED: ["HOLD_CHANGED", "This hold changed at the same moment; please try again"],
  HOLD_RULE_BROKEN: ({ message, details }) => ["HOLD_RULE_BROKEN", message, details],
  SEAT_TAKEN: ({ seats }) => [
    "SEAT_TAKEN",
    `Sorry, ${seats.join(", ")} ${seats.length === 1 ? "was" : "were"} just taken`,
    { seats },
  ],
  HOLD_NOT_CHANGEABLE: ({ status }) => [
    "HOLD_NOT_CHANGEABLE",
    `This hold is ${status.toLowerCase()}; cancel the order instead`,
    { status },
  ],
  HOLD_LIMIT: ({ active, limit }) => [
    "HOLD_LIMIT",
    `You already hold seats for this show ${active} times; release a hold or wait for it to expire`,
    { limit },
  ],
  IDEMPOTENCY_KEY_REUSED: ({ orderId }) =>
    orderId
      ? [
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key's hold already became an order; use a new key to hold seats again",
          { orderId },
        ]
      : ["IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request"],
});

export const holdResponses = {
  400: errorResponse("Invalid input, or a booking rule broken (`rule` says which)"),
  401: errorResponse("No identity"),
  404: errorResponse("Unknown show, or not your hold"),
  429: errorResponse("Too many requests"),
  503: errorResponse("Seat service unavailable"),
};
