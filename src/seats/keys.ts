/**
 * Redis keys of the seat fast path (SPEC: Redis). Every key of a show carries the `{showId}` hash
 * tag, so one script's keys always live in one cluster slot and Upstash can lock just those keys.
 */
export const seatLockKey = (showId: string, seatId: string) => `seat_lock:{${showId}}:${seatId}`;
export const holdKey = (showId: string, holdId: string) => `hold:{${showId}}:${holdId}`;
export const bookedSeatsKey = (showId: string) => `booked:{${showId}}`;
/** The user's active holds on the show (sorted by expiry), for the per-user hold limit. */
export const userHoldsKey = (showId: string, userId: string) => `user_holds:{${showId}}:${userId}`;

/** The value of a seat lock: who holds it, through which hold. */
export const lockOwner = (userId: string, holdId: string) => `${userId}:${holdId}`;
