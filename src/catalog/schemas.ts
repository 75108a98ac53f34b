import * as z from "zod";
import { plainText, positiveIntParam, uuidParam } from "../domain/ids";
import { SHOW_STATUSES } from "../domain/statuses";

// Request schemas ------------------------------------------------------------------------------

export const movieListQuery = z.object({
  page: positiveIntParam("page", 10_000).default(1),
  pageSize: positiveIntParam("pageSize", 50).default(20),
  q: plainText.pipe(z.string().trim().min(1).max(100)).optional(),
  genre: plainText.pipe(z.string().trim().min(1).max(40)).optional(),
  language: plainText.pipe(z.string().trim().min(1).max(40)).optional(),
});

export const movieIdParam = z.object({ movieId: uuidParam("movieId") });
export const posterParam = z.object({
  key: z.string().regex(/^[0-9a-f]{64}\.(jpg|png|webp)$/, "key is the poster's content address"),
});
export const showIdParam = z.object({ showId: uuidParam("showId") });

export const showsOfDayQuery = z.object({
  date: z.iso
    .date({ message: "date must be YYYY-MM-DD" })
    .optional()
    .describe("Local calendar day at the cinemas; today when omitted"),
});

// Response schemas (documented in OpenAPI; the handlers build exactly these shapes) -------------

const money = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .describe("Decimal amount, e.g. 250.00");

export const movieSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  about: z.string().nullable(),
  posterUrl: z.string().nullable(),
  rating: z.string().nullable().describe("Out of 10, one decimal"),
  durationMins: z.number().int().nullable(),
  ageRating: z.string().nullable(),
  releaseDate: z.string().nullable(),
  language: z.string().nullable(),
  format: z.string().nullable(),
  genres: z.array(z.string()),
  languages: z.array(z.string()),
  formats: z.array(z.string()),
});

export const movieListSchema = z.object({
  items: z.array(movieSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
  filters: z.object({ genres: z.array(z.string()), languages: z.array(z.string()) }),
});

export const theatreSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  cancellationAvailable: z.boolean(),
});

export const seatCategoryPriceSchema = z.object({ code: z.string(), name: z.string(), price: money });

export const showSummarySchema = z.object({
  id: z.uuid(),
  startTime: z.iso.datetime(),
  price: money.describe("Base price; categories may cost more"),
  status: z.enum(SHOW_STATUSES),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  categories: z.array(seatCategoryPriceSchema),
  /** The show's own language and format, or the movie's when the show names none. */
  language: z.string().nullable(),
  format: z.string().nullable(),
  theatre: theatreSchema,
});

export const showsOfDaySchema = z.object({ movieId: z.uuid(), date: z.string(), shows: z.array(showSummarySchema) });

export const showDetailSchema = showSummarySchema.extend({ movie: movieSchema });

export { errorSchema } from "../http/openapi-doc";

export type Movie = z.infer<typeof movieSchema>;
export type Theatre = z.infer<typeof theatreSchema>;
export type ShowSummary = z.infer<typeof showSummarySchema>;
