import { ApiError } from "../http/errors";
import { errorResponse } from "../http/openapi-doc";
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
 * from Lua to HTTP); the status comes from the registry in src/shared. The switch is exhaustive:
 * a use case that gains an outcome fails the type check until it has an answer here.
 */
export function refusal(result: SeatRefusal): ApiError {
  switch (result.outcome) {
    case "SHOW_NOT_FOUND":
      return new ApiError(result.outcome, "No such show");
    case "HOLD_NOT_FOUND":
      return new ApiError(result.outcome, "No such hold");
    case "HOLD_EXPIRED":
      return new ApiError(result.outcome, "This hold has expired; choose your seats again");
    case "HOLD_CHANGED":
      return new ApiError(result.outcome, "This hold changed at the same moment; please try again");
    case "HOLD_RULE_BROKEN":
      return new ApiError(result.outcome, result.message, result.details);
    case "SEAT_TAKEN": {
      const { seats } = result;
      return new ApiError(
        result.outcome,
        `Sorry, ${seats.join(", ")} ${seats.length === 1 ? "was" : "were"} just taken`,
        {
          seats,
        },
      );
    }
    case "HOLD_NOT_CHANGEABLE":
      return new ApiError(result.outcome, `This hold is ${result.status.toLowerCase()}; cancel the order instead`, {
        status: result.status,
      });
    case "HOLD_LIMIT":
      return new ApiError(
        result.outcome,
        `You already hold seats for this show ${result.active} times; release a hold or wait for it to expire`,
        { limit: result.limit },
      );
    case "IDEMPOTENCY_KEY_REUSED":
      return result.orderId
        ? new ApiError(
            result.outcome,
            "This Idempotency-Key's hold already became an order; use a new key to hold seats again",
            { orderId: result.orderId },
          )
        : new ApiError(result.outcome, "This Idempotency-Key was used for a different request");
    default:
      return unanswered(result);
  }
}

const unanswered = (outcome: never): never => {
  throw new Error(`no answer for ${JSON.stringify(outcome)}`);
};

export const holdResponses = {
  400: errorResponse("Invalid input, or a booking rule broken (`rule` says which)"),
  401: errorResponse("No identity"),
  404: errorResponse("Unknown show, or not your hold"),
  429: errorResponse("Too many requests"),
  503: errorResponse("Seat service unavailable"),
};
