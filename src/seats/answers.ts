import { etagOf, matchesEtag } from "../http/edge-cache";
import { errorResponse } from "../http/openapi-doc";
import { refusals } from "../http/refusals";
import { admissionAnswers } from "../onsale/admission-answers";
import type { SeatMap } from "./schemas";
import type { ChangeHoldOutcome } from "./use-cases/change-hold";
import type { HoldBestSeatsOutcome } from "./use-cases/hold-best-seats";
import type { HoldSeatsOutcome } from "./use-cases/hold-seats";
import type { ReadHoldOutcome } from "./use-cases/read-hold";
import type { ReadSeatMapOutcome } from "./use-cases/read-seat-map";
import type { ReleaseHoldOutcome } from "./use-cases/release-hold";

type SeatOutcome =
  | HoldSeatsOutcome
  | HoldBestSeatsOutcome
  | ChangeHoldOutcome
  | ReleaseHoldOutcome
  | ReadHoldOutcome
  | ReadSeatMapOutcome;
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
  HOLD_RULE_BROKEN: ({ message, details }) => ["HOLD_RULE_BROKEN", message, details],
  SEAT_TAKEN: ({ seats }) => [
    "SEAT_TAKEN",
    `Sorry, ${seats.join(", ")} ${seats.length === 1 ? "was" : "were"} just taken`,
    { seats },
  ],
  SEAT_STRANDED: ({ seat }) => [
    "SEAT_STRANDED",
    `That would leave ${seat} on its own; choose seats beside it or at the row's end`,
    { seat },
  ],
  NO_BEST_SEATS: ({ quantity, largestBlock, available }) => [
    "NO_BEST_SEATS",
    `${quantity} seats together are not available; at most ${largestBlock} are (${available} free in all)`,
    { largestBlock, available },
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
  SEAT_BUDGET: ({ whose, limit }) => [
    "SEAT_BUDGET",
    whose === "PERSON"
      ? `You already hold ${limit} seats across shows; buy or release some before holding more`
      : `Too many seats are held from your network (${limit} at most); buy or release some, or wait a few minutes`,
    { whose, limit },
  ],
  ...admissionAnswers,
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

/**
 * The seat map with its ETag, or a bodiless 304 while the caller's `If-None-Match` still matches.
 * Per caller (`mine`) and live: the browser may keep it but must revalidate every time.
 */
export async function seatMapAnswer(map: SeatMap, ifNoneMatch: string | undefined): Promise<Response> {
  const body = JSON.stringify(map);
  const etag = await etagOf(new TextEncoder().encode(body).buffer as ArrayBuffer);
  const headers = { "Cache-Control": "private, no-cache", ETag: etag, Vary: "Authorization, x-user-id" };
  if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
