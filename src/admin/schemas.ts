import * as z from "zod";
import { uuidParam } from "../domain/ids";

// Path and query parameters of the admin routes (bodies and answers: src/shared/admin-schemas.ts).
export const movieParam = z.object({ movieId: uuidParam("movieId") });
export const theatreParam = z.object({ theatreId: uuidParam("theatreId") });
export const screenParam = theatreParam.extend({ screenId: uuidParam("screenId") });
export const showParam = theatreParam.extend({ showId: uuidParam("showId") });
export const showsWindowQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
