import * as z from "zod";
import { seatLayoutSchema } from "./seat-layout";
import { plainText } from "./text";

/**
 * The back office API's request and response shapes (docs/API.md: Back office), shared with the
 * web UI's admin area so its forms validate exactly as the worker does. Money is a decimal string
 * ("250.00", integer paise inside: src/shared/money.ts), times are ISO 8601 with an offset.
 */

const text = (max: number) => plainText.pipe(z.string().trim().min(1).max(max));
const optionalText = (max: number) => plainText.pipe(z.string().trim().max(max)).nullable().optional();
export const adminMoney = z.string().regex(/^\d{1,6}\.\d{2}$/, "an amount like 250.00");
const uuid = (name: string) => z.uuid({ message: `${name} must be a UUID` }).transform((id) => id.toLowerCase());
const tags = (max: number) => z.array(text(40)).max(max);

// ---- movies ----------------------------------------------------------------------------------

export const movieFields = z.object({
  title: text(255),
  synopsis: optionalText(4000),
  genres: tags(10),
  /** The first is the movie's main language (the catalog's `language`). */
  languages: tags(10).min(1),
  formats: tags(10).min(1),
  runtimeMins: z.number().int().min(1).max(600),
  ageRating: optionalText(10),
  rating: z
    .string()
    .regex(/^(10\.0|\d\.\d)$/, "a rating out of 10 with one decimal, like 8.1")
    .nullable()
    .optional(),
  releaseDate: z.iso.date().nullable().optional(),
});
export const createMovieBody = movieFields;
export const updateMovieBody = movieFields.partial().refine((b) => Object.keys(b).length > 0, "change something");
export type MovieFields = z.infer<typeof movieFields>;

export const adminMovieSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  synopsis: z.string().nullable(),
  genres: z.array(z.string()),
  languages: z.array(z.string()),
  formats: z.array(z.string()),
  runtimeMins: z.number().int().nullable(),
  ageRating: z.string().nullable(),
  rating: z.string().nullable(),
  releaseDate: z.string().nullable(),
  posterUrl: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type AdminMovie = z.infer<typeof adminMovieSchema>;

// ---- theatres and screens --------------------------------------------------------------------

export const theatreFields = z.object({
  name: text(255),
  city: text(100),
  address: text(1000),
  location: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
  cancellationPolicy: z.object({
    /** false: tickets at this theatre are non-refundable. */
    available: z.boolean(),
    /** Customers may cancel until this many minutes before the show. */
    cutoffMinutes: z.number().int().min(0).max(10_080),
    /** Percent of the seats' price kept on a customer's cancellation. */
    feePercent: z.number().min(0).max(100).multipleOf(0.01),
  }),
  /** Added once per order (decimal string). */
  convenienceFee: adminMoney,
});
export const createTheatreBody = theatreFields;
export const updateTheatreBody = theatreFields.partial().refine((b) => Object.keys(b).length > 0, "change something");
export type TheatreFields = z.infer<typeof theatreFields>;

export const adminTheatreSchema = theatreFields.extend({
  id: z.uuid(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type AdminTheatre = z.infer<typeof adminTheatreSchema>;

export const screenBody = z.object({ name: text(50), layout: seatLayoutSchema });
export const updateScreenBody = screenBody.partial().refine((b) => Object.keys(b).length > 0, "change something");

export const adminScreenSchema = z.object({
  id: z.uuid(),
  theatreId: z.uuid(),
  name: z.string(),
  /** The version new shows get; shows keep the version they were scheduled with. */
  layoutId: z.uuid().nullable(),
  layoutVersion: z.number().int().nullable(),
  layout: seatLayoutSchema.nullable(),
  seats: z.number().int(),
});
export type AdminScreen = z.infer<typeof adminScreenSchema>;
/** What an edit did to the layout: changed in place (no show had sales), or a new version. */
export const screenEditedSchema = adminScreenSchema.extend({
  layoutChange: z.enum(["NONE", "IN_PLACE", "NEW_VERSION"]),
});

// ---- shows -----------------------------------------------------------------------------------

const showCommon = z.object({
  movieId: uuid("movieId"),
  screenId: uuid("screenId"),
  /** The show's own; the movie's first language/format when omitted. */
  language: text(50).optional(),
  format: text(20).optional(),
  /** Ticket price per seat category code: every category of the screen's layout, no other. */
  prices: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/), adminMoney),
  /** Online sales open at once unless false. */
  salesOpen: z.boolean().default(true),
});
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 18:30");

/** One show at `startTime`, or a run: every day from `from` to `to` (cinema days) at each of `times`. */
export const scheduleShowsBody = z.union([
  showCommon.extend({ startTime: z.iso.datetime({ offset: true }) }),
  showCommon.extend({
    run: z
      .object({ from: z.iso.date(), to: z.iso.date(), times: z.array(clock).min(1).max(12) })
      .refine((r) => r.from <= r.to, "`from` is after `to`"),
  }),
]);
export type ScheduleShowsBody = z.infer<typeof scheduleShowsBody>;

export const salesBody = z.object({ open: z.boolean() });
export const pricesBody = z.object({ prices: showCommon.shape.prices });

export const adminShowSchema = z.object({
  id: z.uuid(),
  theatreId: z.uuid(),
  screenId: z.uuid().nullable(),
  movieId: z.uuid(),
  layoutId: z.uuid().nullable(),
  startTime: z.iso.datetime(),
  hallFreeAt: z.iso.datetime().nullable(),
  language: z.string().nullable(),
  format: z.string().nullable(),
  prices: z.record(z.string(), adminMoney),
  salesOpen: z.boolean(),
  status: z.string(),
  seatsSold: z.number().int(),
});
export type AdminShow = z.infer<typeof adminShowSchema>;
export const scheduledSchema = z.object({ shows: z.array(adminShowSchema) });

// ---- audit -----------------------------------------------------------------------------------

export const auditQuery = z.object({
  theatreId: uuid("theatreId").optional(),
  actorUserId: uuid("actorUserId").optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, "an action like show.create, or a target type like show")
    .optional(),
  targetType: z
    .string()
    .regex(/^[a-z_]{1,30}$/)
    .optional(),
  targetId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[\w:. +|-]{1,120}$/)
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .default(50),
});

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.uuid(), email: z.string().nullable(), role: z.string() }),
  theatreId: z.uuid().nullable(),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Whether customers' email and phone in `before`/`after` are masked for your role. */
  customerDataMasked: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
