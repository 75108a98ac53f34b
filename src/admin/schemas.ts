import * as z from "zod/mini";
import { uuidParam } from "../domain/ids";

// Path and query parameters of the admin routes (bodies and answers: src/shared/admin-schemas.ts).
export const movieParam = z.object({ movieId: uuidParam("movieId") });
export const theatreParam = z.object({ theatreId: uuidParam("theatreId") });
export const screenParam = z.extend(theatreParam, { screenId: uuidParam("screenId") });
export const showParam = z.extend(theatreParam, { showId: uuidParam("showId") });
export const showsWindowQuery = z.object({
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});
/** The operations on one show (house seats, box office, cancellation) name it alone: its theatre follows. */
export const showIdParam = z.object({ showId: uuidParam("showId") });
