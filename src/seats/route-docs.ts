import { errorResponse, jsonResponse, type RouteDoc, undescribed } from "../http/openapi-doc";
import { holdResponses } from "./answers";
import { holdSchema, seatMapSchema } from "./schemas";

/** The OpenAPI description of each seat route: every status it answers with. */
export const seatMapDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Seats"],
      summary:
        "Every seat's state (AVAILABLE, HELD, BOOKED; `mine` for the seats of the caller's `holdId`), with the hall layout",
      description:
        "The location's shared snapshot of the show (at most SEAT_MAP_SNAPSHOT_MS old; one Redis read per snapshot, a show Redis has not seen is first rebuilt from the database), with the caller's hold `holdId` read fresh and overlaid. Poll with If-None-Match: unchanged maps answer 304.",
      responses: {
        200: jsonResponse("The seat map", seatMapSchema),
        304: { description: "Unchanged since the ETag sent" },
        400: errorResponse("showId is not a UUID"),
        404: errorResponse("No such show"),
        429: errorResponse("Too many requests from this address"),
        503: errorResponse("Seat service unavailable"),
      },
    }
  : undescribed;

export const holdSeatsDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Seats"],
      summary: "Hold seats: all of them or none; by id, or the best available",
      description:
        "One Redis round trip on a warm show. `seatIds`: those seats (a show with the orphan rule refuses a pick that strands one seat, 409 SEAT_STRANDED). `best`: the script picks `quantity` adjacent seats closest to the hall's best point (about two thirds back, centre) and holds them in the same call: one row stranding no seat, else one row stranding one, else (with `allowSplit`) two adjacent rows; else 409 NO_BEST_SEATS with the largest block free. Send an Idempotency-Key to make retries safe: the same key names the same hold, and once that hold became an order the key answers 409.",
      responses: {
        201: jsonResponse("The hold (status HELD)", holdSchema),
        200: jsonResponse("A retried request (same Idempotency-Key): the hold it made", holdSchema),
        ...holdResponses,
        409: errorResponse(
          "SEAT_TAKEN (with the taken seats), SEAT_STRANDED (the seat), NO_BEST_SEATS (largestBlock, available), HOLD_LIMIT or IDEMPOTENCY_KEY_REUSED",
        ),
        410: errorResponse("A retried request whose hold has expired"),
      },
    }
  : undescribed;

export const readHoldDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Seats"],
      summary: "The caller's hold",
      responses: { 200: jsonResponse("The hold", holdSchema), ...holdResponses, 410: errorResponse("Expired") },
    }
  : undescribed;

export const changeHoldDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Seats"],
      summary: "Swap the held seats atomically (expiry unchanged)",
      responses: {
        200: jsonResponse("The hold with its new seats", holdSchema),
        ...holdResponses,
        409: errorResponse("SEAT_TAKEN, SEAT_STRANDED (the orphan rule), or the hold is already an order"),
        410: errorResponse("Expired"),
      },
    }
  : undescribed;

export const releaseHoldDoc: RouteDoc = ROUTE_DOCS
  ? {
      tags: ["Seats"],
      summary: "Release the held seats",
      responses: {
        204: { description: "Released (also when it had already expired)" },
        ...holdResponses,
        409: errorResponse("The hold is already an order: cancel the order instead"),
      },
    }
  : undescribed;
