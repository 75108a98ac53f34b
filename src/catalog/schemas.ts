import * as z from "zod/mini";
import { plainText, positiveIntParam, uuidParam } from "../domain/ids";
import { SHOW_STATUSES } from "../domain/statuses";
import { pageOf } from "../http/paging";

// Request schemas ------------------------------------------------------------------------------

const cityName = z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));

export const movieListQuery = z.object({
  page: z._default(positiveIntParam("page", 10_000), 1),
  pageSize: z._default(positiveIntParam("pageSize", 50), 20),
  q: z.optional(z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))),
  genre: z.optional(z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))),
  language: z.optional(z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))),
  city: z.optional(cityName).check(z.describe("Only movies with shows still to come in this city")),
});

export const movieIdParam = z.object({ movieId: uuidParam("movieId") });
export const posterParam = z.object({
  key: z.string().check(z.regex(/^[0-9a-f]{64}\.(jpg|png|webp)$/, "key is the poster's content address")),
});
export const showIdParam = z.object({ showId: uuidParam("showId") });

export const showsOfDayQuery = z.object({
  date: z
    .optional(z.iso.date({ message: "date must be YYYY-MM-DD" }))
    .check(z.describe("Local calendar day at the cinemas; today when omitted")),
  city: z.optional(cityName).check(z.describe("Only this city's theatres")),
  near: z
    .optional(
      z
        .pipe(
          z
            .string()
            .check(z.regex(/^-?\d{1,2}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/, "near is latitude,longitude in degrees")),
          z.transform((v) => v.split(",").map(Number) as [number, number]),
        )
        .check(
          z.refine(
            ([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180,
            "near is latitude,longitude in degrees",
          ),
        ),
    )
    .check(z.describe("The visitor's position: theatres sorted by distance, nearest first")),
});

// Response schemas (documented in OpenAPI; the handlers build exactly these shapes) -------------

const money = z.string().check(z.regex(/^\d+\.\d{2}$/), z.describe("Decimal amount, e.g. 250.00"));

export const movieSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  about: z.nullable(z.string()),
  posterUrl: z.nullable(z.string()),
  rating: z.nullable(z.string()).check(z.describe("Out of 10, one decimal")),
  durationMins: z.nullable(z.number().check(z.int())),
  ageRating: z.nullable(z.string()),
  releaseDate: z.nullable(z.string()),
  language: z.nullable(z.string()),
  format: z.nullable(z.string()),
  genres: z.array(z.string()),
  languages: z.array(z.string()),
  formats: z.array(z.string()),
});

export const movieListSchema = z.extend(pageOf(movieSchema), {
  filters: z.object({ genres: z.array(z.string()), languages: z.array(z.string()) }),
});

export const theatreSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.nullable(z.string()),
  address: z.nullable(z.string()),
  cancellationAvailable: z.boolean(),
  distanceKm: z.optional(z.number()).check(z.describe("From the position given as `near`")),
});

export const seatCategoryPriceSchema = z.object({ code: z.string(), name: z.string(), price: money });

export const showSummarySchema = z.object({
  id: z.uuid(),
  startTime: z.iso.datetime(),
  price: money.check(z.describe("Base price; categories may cost more")),
  status: z.enum(SHOW_STATUSES),
  capacity: z.number().check(z.int()),
  seatsLeft: z.number().check(z.int()),
  categories: z.array(seatCategoryPriceSchema),
  /** The show's own language and format, or the movie's when the show names none. */
  language: z.nullable(z.string()),
  format: z.nullable(z.string()),
  theatre: theatreSchema,
  cancellation: z
    .nullable(z.object({ until: z.iso.datetime(), feePercent: z.number() }))
    .check(
      z.describe(
        "Until when a paid booking can be cancelled and the share kept; null: non-cancellable (or past the cut-off)",
      ),
    ),
});

export const showsOfDaySchema = z.object({ movieId: z.uuid(), date: z.string(), shows: z.array(showSummarySchema) });

export const citySchema = z.object({
  name: z.string(),
  theatres: z.number().check(z.int()),
  location: z
    .nullable(z.object({ lat: z.number(), lng: z.number() }))
    .check(z.describe("The middle of its theatres, to suggest the nearest city")),
});
export const cityListSchema = z.object({ cities: z.array(citySchema) });

export const showDetailSchema = z.extend(showSummarySchema, { movie: movieSchema });

export { errorSchema } from "../http/openapi-doc";

export type Movie = z.infer<typeof movieSchema>;
export type Theatre = z.infer<typeof theatreSchema>;
export type ShowSummary = z.infer<typeof showSummarySchema>;
