import * as z from "zod/mini";
import { customerSchema } from "./customer";
import { seatLayoutSchema } from "./seat-layout";
import { plainText } from "./text";

/**
 * The back office API's request and response shapes (docs/API.md: Back office), shared with the
 * web UI's admin area so its forms validate exactly as the worker does. Money is a decimal string
 * ("250.00", integer paise inside: src/shared/money.ts), times are ISO 8601 with an offset.
 */

const text = (max: number) => z.pipe(plainText, z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));
const optionalText = (max: number) =>
  z.optional(z.nullable(z.pipe(plainText, z.string().check(z.trim(), z.maxLength(max)))));
export const adminMoney = z.string().check(z.regex(/^\d{1,6}\.\d{2}$/, "an amount like 250.00"));
const uuid = (name: string) =>
  z.pipe(
    z.uuid({ message: `${name} must be a UUID` }),
    z.transform((id) => id.toLowerCase()),
  );
const tags = (max: number) => z.array(text(40)).check(z.maxLength(max));

// ---- movies ----------------------------------------------------------------------------------

export const movieFields = z.object({
  title: text(255),
  synopsis: optionalText(4000),
  genres: tags(10),
  /** The first is the movie's main language (the catalog's `language`). */
  languages: tags(10).check(z.minLength(1)),
  formats: tags(10).check(z.minLength(1)),
  runtimeMins: z.number().check(z.int(), z.gte(1), z.lte(600)),
  ageRating: optionalText(10),
  rating: z.optional(
    z.nullable(z.string().check(z.regex(/^(10\.0|\d\.\d)$/, "a rating out of 10 with one decimal, like 8.1"))),
  ),
  releaseDate: z.optional(z.nullable(z.iso.date())),
});
export const createMovieBody = movieFields;
export const updateMovieBody = z
  .partial(movieFields)
  .check(z.refine((b) => Object.keys(b).length > 0, "change something"));
export type MovieFields = z.infer<typeof movieFields>;

export const adminMovieSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  synopsis: z.nullable(z.string()),
  genres: z.array(z.string()),
  languages: z.array(z.string()),
  formats: z.array(z.string()),
  runtimeMins: z.nullable(z.number().check(z.int())),
  ageRating: z.nullable(z.string()),
  rating: z.nullable(z.string()),
  releaseDate: z.nullable(z.string()),
  posterUrl: z.nullable(z.string()),
  retiredAt: z.nullable(z.string()),
});
export type AdminMovie = z.infer<typeof adminMovieSchema>;

// ---- theatres and screens --------------------------------------------------------------------

export const theatreFields = z.object({
  name: text(255),
  city: text(100),
  address: text(1000),
  location: z.optional(
    z.nullable(
      z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lng: z.number().check(z.gte(-180), z.lte(180)) }),
    ),
  ),
  cancellationPolicy: z.object({
    /** false: tickets at this theatre are non-refundable. */
    available: z.boolean(),
    /** Customers may cancel until this many minutes before the show. */
    cutoffMinutes: z.number().check(z.int(), z.gte(0), z.lte(10_080)),
    /** Percent of the seats' price kept on a customer's cancellation. */
    feePercent: z.number().check(z.gte(0), z.lte(100), z.multipleOf(0.01)),
  }),
  /** Added once per order (decimal string). */
  convenienceFee: adminMoney,
});
export const createTheatreBody = theatreFields;
export const updateTheatreBody = z
  .partial(theatreFields)
  .check(z.refine((b) => Object.keys(b).length > 0, "change something"));
export type TheatreFields = z.infer<typeof theatreFields>;

export const adminTheatreSchema = z.extend(theatreFields, {
  id: z.uuid(),
  location: z.nullable(z.object({ lat: z.number(), lng: z.number() })),
});
export type AdminTheatre = z.infer<typeof adminTheatreSchema>;

export const screenBody = z.object({ name: text(50), layout: seatLayoutSchema });
export const updateScreenBody = z
  .partial(screenBody)
  .check(z.refine((b) => Object.keys(b).length > 0, "change something"));

export const adminScreenSchema = z.object({
  id: z.uuid(),
  theatreId: z.uuid(),
  name: z.string(),
  /** The version new shows get; shows keep the version they were scheduled with. */
  layoutId: z.nullable(z.uuid()),
  layoutVersion: z.nullable(z.number().check(z.int())),
  layout: z.nullable(seatLayoutSchema),
  seats: z.number().check(z.int()),
});
export type AdminScreen = z.infer<typeof adminScreenSchema>;
/** What an edit did to the layout: changed in place (no show had sales), or a new version. */
export const screenEditedSchema = z.extend(adminScreenSchema, {
  layoutChange: z.enum(["NONE", "IN_PLACE", "NEW_VERSION"]),
});

// ---- shows -----------------------------------------------------------------------------------

const showCommon = z.object({
  movieId: uuid("movieId"),
  screenId: uuid("screenId"),
  /** The show's own; the movie's first language/format when omitted. */
  language: z.optional(text(50)),
  format: z.optional(text(20)),
  /** Ticket price per seat category code: every category of the screen's layout, no other. */
  prices: z.record(z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,19}$/)), adminMoney),
  /** Online sales open at once unless false. */
  salesOpen: z._default(z.boolean(), true),
  /** The orphan rule on customers' own picks (docs/API.md: Rules); off unless true. */
  orphanRule: z._default(z.boolean(), false),
});
const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 18:30"));

/** One show at `startTime`, or a run: every day from `from` to `to` (cinema days) at each of `times`. */
export const scheduleShowsBody = z.union([
  z.extend(showCommon, { startTime: z.iso.datetime({ offset: true }) }),
  z.extend(showCommon, {
    run: z
      .object({ from: z.iso.date(), to: z.iso.date(), times: z.array(clock).check(z.minLength(1), z.maxLength(12)) })
      .check(z.refine((r) => r.from <= r.to, "`from` is after `to`")),
  }),
]);
export type ScheduleShowsBody = z.infer<typeof scheduleShowsBody>;

export const salesBody = z.object({ open: z.boolean() });
export const pricesBody = z.object({ prices: showCommon.shape.prices });
/** The show's orphan rule on or off (the seat rules form on the show's page). */
export const orphanRuleBody = z.object({ orphanRule: z.boolean() });
export type OrphanRuleBody = z.infer<typeof orphanRuleBody>;

export const adminShowSchema = z.object({
  id: z.uuid(),
  theatreId: z.uuid(),
  screenId: z.nullable(z.uuid()),
  movieId: z.uuid(),
  layoutId: z.nullable(z.uuid()),
  startTime: z.iso.datetime(),
  hallFreeAt: z.nullable(z.iso.datetime()),
  language: z.nullable(z.string()),
  format: z.nullable(z.string()),
  prices: z.record(z.string(), adminMoney),
  salesOpen: z.boolean(),
  orphanRule: z.boolean(),
  /** The on-sale event it sells in (a waiting room in front of its holds), if any. */
  onsaleEventId: z.nullable(z.uuid()),
  status: z.string(),
  seatsSold: z.number().check(z.int()),
});
export type AdminShow = z.infer<typeof adminShowSchema>;
export const scheduledSchema = z.object({ shows: z.array(adminShowSchema) });

// ---- audit -----------------------------------------------------------------------------------

export const auditQuery = z.object({
  theatreId: z.optional(uuid("theatreId")),
  actorUserId: z.optional(uuid("actorUserId")),
  action: z.optional(
    z.string().check(z.regex(/^[a-z_]+(\.[a-z_]+)?$/, "an action like show.create, or a target type like show")),
  ),
  targetType: z.optional(z.string().check(z.regex(/^[a-z_]{1,30}$/))),
  targetId: z.optional(z.string().check(z.regex(/^[\w-]{1,64}$/))),
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.regex(/^[\w:. +|-]{1,120}$/))),
  limit: z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number)),
      z.number().check(z.int(), z.gte(1), z.lte(200)),
    ),
    50,
  ),
});

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.uuid(), email: z.nullable(z.string()), role: z.string() }),
  theatreId: z.nullable(z.uuid()),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.nullable(z.string()),
});
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
  /** Whether customers' email and phone in `before`/`after` are masked for your role. */
  customerDataMasked: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// ---- staff -----------------------------------------------------------------------------------

/** The roles granted at one theatre (an admin's role covers every theatre: `npm run admin:grant`). */
export const STAFF_THEATRE_ROLES = ["theatre_manager", "usher"] as const;
export type StaffTheatreRole = (typeof STAFF_THEATRE_ROLES)[number];

/** POST /admin/theatres/{id}/staff: the person's email (checkout's rule) and the role. */
export const staffGrantBody = z.object({
  email: z.pipe(z.string().check(z.trim()), customerSchema.shape.email),
  role: z.enum(STAFF_THEATRE_ROLES),
});
export type StaffGrant = z.infer<typeof staffGrantBody>;
