/**
 * Every error code the API answers with, defined once with its HTTP status (docs/API.md: Errors).
 * The worker throws them (`ApiError`), the OpenAPI document lists them, and the web client imports
 * the `ErrorCode` type instead of spelling codes as loose strings.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, meaning: "The request does not match its schema (zod issues in `issues`)" },
  BAD_REQUEST: { status: 400, meaning: "The request is malformed (unreadable JSON, a bad header)" },
  HOLD_RULE_BROKEN: { status: 400, meaning: "A booking rule refused the selection (`rule` says which)" },
  UNKNOWN_SEATS: { status: 400, meaning: "Seats named are not in the show's hall (`seats` names them)" },
  EMAIL_CODE_INVALID: { status: 400, meaning: "The sign-in code is wrong, used, expired or out of tries" },
  UNAUTHENTICATED: { status: 401, meaning: "No identity, or one that could not be verified" },
  PAYMENT_DECLINED: { status: 402, meaning: "The payment provider declined" },
  WEBHOOK_SIGNATURE_INVALID: {
    status: 400,
    meaning: "The webhook's Stripe-Signature is missing, malformed, stale or wrong (`reason` says which)",
  },
  WEBHOOK_EVENT_MISMATCH: {
    status: 400,
    meaning: "The webhook event disagrees with what the provider says about its object, or names none of ours",
  },
  CSRF_REFUSED: { status: 403, meaning: "A signed-in write came from another site or without its CSRF token" },
  FORBIDDEN: { status: 403, meaning: "Your role may not do this here" },
  ADMISSION_REQUIRED: {
    status: 403,
    meaning:
      "The show sells through an on-sale waiting room: join it (`eventId`) and send its admission as the Admission-Token header",
  },
  ADMISSION_REFUSED: {
    status: 403,
    meaning:
      "The admission token is someone else's, altered, past its time, or its shopper is done — left the waiting room or bought (`reason`: NOT_YOURS, EXPIRED, ENDED); queue again",
  },
  EVENT_NOT_FOUND: { status: 404, meaning: "No such on-sale event (or it was switched off)" },
  ROUTE_NOT_FOUND: { status: 404, meaning: "No such endpoint" },
  MOVIE_NOT_FOUND: { status: 404, meaning: "No such movie" },
  SHOW_NOT_FOUND: { status: 404, meaning: "No such show" },
  HOLD_NOT_FOUND: { status: 404, meaning: "No such hold, or not yours" },
  ORDER_NOT_FOUND: { status: 404, meaning: "No such order, or not yours" },
  PAYMENT_NOT_PAID: { status: 409, meaning: "The provider says this checkout session is not paid" },
  PAYMENT_AMOUNT_MISMATCH: { status: 409, meaning: "The paid amount is not the order's amount" },
  WEBHOOK_EVENT_REUSED: { status: 409, meaning: "This event id was already handled as another event" },
  ORDER_ALREADY_PAID: { status: 409, meaning: "The order is already paid" },
  GUEST_CLAIMED: { status: 409, meaning: "The guest token's bookings went to another account, which claimed it first" },
  PAYMENT_NOT_RECEIVED: {
    status: 409,
    meaning: "No verified payment has confirmed this order (yet); pay with POST /orders/{id}/payment",
  },
  ACCOUNT_NOT_FOUND: { status: 404, meaning: "No such account (it was deleted)" },
  THEATRE_NOT_FOUND: { status: 404, meaning: "No such theatre, or not one you work at" },
  CANCELLATION_NOT_FOUND: { status: 404, meaning: "This show has not been cancelled" },
  SCREEN_NOT_FOUND: { status: 404, meaning: "No such screen at this theatre" },
  SHOW_OVERLAP: {
    status: 409,
    meaning: "The show would overlap another in the same screen (`clashes` names them, with the cleaning buffer)",
  },
  PRICES_LOCKED: { status: 409, meaning: "A show's prices change only before its first sale" },
  MOVIE_RETIRED: { status: 409, meaning: "The movie is retired: no new shows" },
  POSTER_UNSUPPORTED: { status: 415, meaning: "A poster is a JPEG, PNG or WebP image (checked by its bytes)" },
  USER_NOT_FOUND: { status: 404, meaning: "Nobody has signed in with that email address yet" },
  REQUEST_TIMEOUT: { status: 408, meaning: "The request body did not arrive in time" },
  SEAT_TAKEN: { status: 409, meaning: "A seat is held or sold by someone else (`seats` names them)" },
  HOLD_LIMIT: { status: 409, meaning: "Too many live holds on this show" },
  SEAT_BUDGET: {
    status: 409,
    meaning:
      "Over the live held seats one person (`whose`: PERSON) or one client address (ADDRESS) may have across all shows (`limit`)",
  },
  SEAT_STRANDED: {
    status: 409,
    meaning:
      "The show keeps no single seats: the selection would leave `seat` alone between taken seats, an aisle or the row's end, and another as large in that row would not",
  },
  NO_BEST_SEATS: {
    status: 409,
    meaning:
      "Best available found no block of that many seats (`largestBlock`: the most adjacent seats free, `available`: free in all)",
  },
  HOLD_CHANGED: { status: 409, meaning: "The hold changed at the same moment; retry" },
  HOLD_NOT_CHANGEABLE: { status: 409, meaning: "The hold is already an order" },
  IDEMPOTENCY_KEY_REUSED: { status: 409, meaning: "The Idempotency-Key was used for another request" },
  ORDER_CANCELLED: { status: 409, meaning: "The order was cancelled" },
  SHOW_CLOSED: { status: 409, meaning: "The show no longer takes bookings (started or cancelled)" },
  NO_TICKET: { status: 409, meaning: "The order has no ticket: it is not confirmed (`status` says what it is)" },
  ALREADY_ADMITTED: {
    status: 409,
    meaning: "Every seat asked for was already admitted (`admissions` says at which gate and when)",
  },
  TICKET_REFUSED: {
    status: 422,
    meaning: "The ticket may not enter at this door (`reason`: forged, wrong show, outside the window, revoked…)",
  },
  NOT_CANCELLABLE: { status: 409, meaning: "The order cannot be cancelled (the reason says why)" },
  HOLD_EXPIRED: { status: 410, meaning: "The hold has expired" },
  ORDER_EXPIRED: { status: 410, meaning: "The order's payment window has passed" },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: "The request body is too large" },
  RATE_LIMITED: { status: 429, meaning: "Too many requests (`Retry-After` says when to retry)" },
  INTERNAL: { status: 500, meaning: "A bug on our side; it has been logged" },
  SIGN_IN_UNAVAILABLE: {
    status: 503,
    meaning: "Sign-in with the identity provider is not configured or not reachable",
  },
  SERVICE_UNAVAILABLE: { status: 503, meaning: "A backing service is down; nothing was changed, retry" },
  PAYMENT_PROVIDER_UNAVAILABLE: { status: 503, meaning: "The payment provider did not answer; retry" },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]["status"];
export const statusOfError = (code: ErrorCode): ErrorStatus => ERROR_CODES[code].status;

/** The error body (docs/API.md: Errors): `{"error": {"code", "message", "timestamp", ...details}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; timestamp: string } & Record<string, unknown>;
}
