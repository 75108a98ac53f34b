/**
 * Every error code the API answers with, defined once with its HTTP status (docs/API.md: Errors).
 * The worker throws them (`ApiError`), the OpenAPI document lists them, and the web client imports
 * the `ErrorCode` type instead of spelling codes as loose strings.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, meaning: "The request does not match its schema (zod issues in `issues`)" },
  BAD_REQUEST: { status: 400, meaning: "The request is malformed (unreadable JSON, a bad header)" },
  HOLD_RULE_BROKEN: { status: 400, meaning: "A booking rule refused the selection (`rule` says which)" },
  UNAUTHENTICATED: { status: 401, meaning: "No identity, or one that could not be verified" },
  PAYMENT_DECLINED: { status: 402, meaning: "The payment provider declined" },
  ROUTE_NOT_FOUND: { status: 404, meaning: "No such endpoint" },
  MOVIE_NOT_FOUND: { status: 404, meaning: "No such movie" },
  SHOW_NOT_FOUND: { status: 404, meaning: "No such show" },
  HOLD_NOT_FOUND: { status: 404, meaning: "No such hold, or not yours" },
  ORDER_NOT_FOUND: { status: 404, meaning: "No such order, or not yours" },
  REQUEST_TIMEOUT: { status: 408, meaning: "The request body did not arrive in time" },
  SEAT_TAKEN: { status: 409, meaning: "A seat is held or sold by someone else (`seats` names them)" },
  HOLD_LIMIT: { status: 409, meaning: "Too many live holds on this show" },
  HOLD_CHANGED: { status: 409, meaning: "The hold changed at the same moment; retry" },
  HOLD_NOT_CHANGEABLE: { status: 409, meaning: "The hold is already an order" },
  IDEMPOTENCY_KEY_REUSED: { status: 409, meaning: "The Idempotency-Key was used for another request" },
  ORDER_CANCELLED: { status: 409, meaning: "The order was cancelled" },
  SHOW_CLOSED: { status: 409, meaning: "The show no longer takes bookings (started or cancelled)" },
  NO_TICKET: { status: 409, meaning: "The order has no ticket: it is not confirmed (`status` says what it is)" },
  NOT_CANCELLABLE: { status: 409, meaning: "The order cannot be cancelled (the reason says why)" },
  HOLD_EXPIRED: { status: 410, meaning: "The hold has expired" },
  ORDER_EXPIRED: { status: 410, meaning: "The order's payment window has passed" },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: "The request body is too large" },
  RATE_LIMITED: { status: 429, meaning: "Too many requests (`Retry-After` says when to retry)" },
  INTERNAL: { status: 500, meaning: "A bug on our side; it has been logged" },
  SERVICE_UNAVAILABLE: { status: 503, meaning: "A backing service is down; nothing was changed, retry" },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]["status"];
export const statusOfError = (code: ErrorCode): ErrorStatus => ERROR_CODES[code].status;

/** The error body (docs/API.md: Errors): `{"error": {"code", "message", "timestamp", ...details}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; timestamp: string } & Record<string, unknown>;
}
