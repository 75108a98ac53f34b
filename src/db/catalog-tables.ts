import type { SeatLayout } from "../domain/seat-layout";
import type { ShowStatus } from "../domain/statuses";
import { at, createdAt } from "./columns";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  sql,
  text,
  unique,
  uuid,
  varchar,
} from "./drizzle";

// The catalog: movies, theatres, their screens and seat layouts, and the shows (docs/API.md: Data).
// Postgres is the source of truth. Column names follow the original design.

export const movies = pgTable("movies", {
  id: uuid("movie_id").primaryKey().defaultRandom(),
  title: varchar("title", { length: 255 }).notNull(),
  about: text("about"),
  thumbnailUrl: text("thumbnail_url"),
  rating: numeric("rating", { precision: 3, scale: 1 }),
  durationMins: integer("duration_mins"),
  ageRating: varchar("age_rating", { length: 10 }),
  releaseDate: date("release_date", { mode: "string" }),
  language: varchar("language", { length: 50 }),
  format: varchar("format", { length: 20 }),
  genres: text("genres").array().notNull().default(sql`'{}'::text[]`),
  /** Every language and format it plays in; `language`/`format` stay the first of each. */
  languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
  formats: text("formats").array().notNull().default(sql`'{}'::text[]`),
  /** Retired by staff: gone from the catalog, kept for the orders and shows that name it. */
  retiredAt: at("retired_at"),
  createdAt: createdAt(),
});

export const theatres = pgTable(
  "theatres",
  {
    id: uuid("theatre_id").primaryKey().defaultRandom(),
    name: varchar("name", { length: 255 }).notNull(),
    city: varchar("city", { length: 100 }),
    address: text("address"),
    geoLat: numeric("geo_lat", { precision: 10, scale: 8 }),
    geoLng: numeric("geo_lng", { precision: 11, scale: 8 }),
    cancellationAvailable: boolean("cancellation_available").notNull().default(true),
    /** Added to every order at this theatre, once per order (rupees, exact numeric). */
    convenienceFee: numeric("convenience_fee", { precision: 10, scale: 2 }).notNull().default("0"),
    /** Customers may cancel until this many minutes before the show; null → CANCELLATION_CUTOFF_MINUTES. */
    cancellationCutoffMinutes: integer("cancellation_cutoff_minutes"),
    /** Kept from a customer's refund when they cancel (percent of the seats' price). */
    cancellationFeePct: numeric("cancellation_fee_pct", { precision: 5, scale: 2 }).notNull().default("0"),
    createdAt: createdAt(),
  },
  (t) => [
    check("theatres_convenience_fee_check", sql`${t.convenienceFee} >= 0`),
    check("theatres_cancellation_cutoff_check", sql`${t.cancellationCutoffMinutes} >= 0`),
    check("theatres_cancellation_fee_check", sql`${t.cancellationFeePct} between 0 and 100`),
  ],
);

/** A hall of a theatre. Its seat layouts are versions in seat_layouts; the newest applies to new shows. */
export const screens = pgTable(
  "screens",
  {
    id: uuid("screen_id").primaryKey().defaultRandom(),
    theatreId: uuid("theatre_id")
      .notNull()
      .references(() => theatres.id),
    name: varchar("name", { length: 50 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("screens_theatre_name_key").on(t.theatreId, t.name)],
);

/**
 * One version of a screen's seating plan. A version a show with sales uses is never changed: an
 * edit then writes the next version, which new shows get (src/admin: edit a screen).
 */
export const seatLayouts = pgTable(
  "seat_layouts",
  {
    id: uuid("layout_id").primaryKey().defaultRandom(),
    theatreId: uuid("theatre_id").references(() => theatres.id),
    screenName: varchar("screen_name", { length: 50 }),
    /** null only for layouts made before screens existed and not yet backfilled. */
    screenId: uuid("screen_id").references(() => screens.id),
    version: integer("version").notNull().default(1),
    rows: integer("rows").notNull(),
    cols: integer("cols").notNull(),
    layout: jsonb("layout_json").$type<SeatLayout>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("seat_layouts_screen_version_key").on(t.screenId, t.version)],
);

export const shows = pgTable(
  "shows",
  {
    id: uuid("show_id").primaryKey().defaultRandom(),
    movieId: uuid("movie_id")
      .notNull()
      .references(() => movies.id),
    theatreId: uuid("theatre_id")
      .notNull()
      .references(() => theatres.id),
    /** null → the default 10×10 hall. */
    layoutId: uuid("layout_id").references(() => seatLayouts.id),
    /** The hall; null for shows made before screens existed (the default hall). */
    screenId: uuid("screen_id").references(() => screens.id),
    startTime: at("start_time").notNull(),
    /** When the hall is free again: start + runtime + cleaning buffer. Two shows' ranges never overlap. */
    hallFreeAt: at("hall_free_at"),
    /** The lowest category price; a seat's price is `category_prices[category]` when set. */
    price: numeric("price", { precision: 10, scale: 2 }).notNull(),
    /** Ticket price per seat category (decimal strings); null → base price + the layout's surcharges. */
    categoryPrices: jsonb("category_prices").$type<Record<string, string>>(),
    /** The show's own language and format; null → the movie's. */
    language: varchar("language", { length: 50 }),
    format: varchar("format", { length: 20 }),
    /** Staff open and close online sales; a closed show takes no holds and no orders. */
    salesOpen: boolean("sales_open").notNull().default(true),
    /**
     * The orphan rule on manual picks: a selection that leaves one seat alone is refused when
     * another as large would not. Off by default: a show sells as before until staff turn it on.
     */
    orphanRule: boolean("orphan_rule").notNull().default(false),
    /**
     * The on-sale event the show sells in (src/onsale/tables.ts): then a hold needs an admission
     * from its waiting room. Null: sold as any show. No foreign key, so the catalog's tables need
     * not know the on-sale's; events are never deleted (switching one off clears this column).
     */
    onsaleEventId: uuid("onsale_event_id"),
    status: varchar("status", { length: 20 }).$type<ShowStatus>().notNull().default("AVAILABLE"),
    createdAt: createdAt(),
  },
  (t) => [
    index("idx_shows_movie_date").on(t.movieId, t.startTime),
    index("idx_shows_theatre").on(t.theatreId, t.startTime),
    index("idx_shows_screen").on(t.screenId, t.startTime),
    check("shows_status_check", sql`${t.status} in ('AVAILABLE','FILLING_FAST','ALMOST_FULL','CANCELLED')`),
    check("shows_price_check", sql`${t.price} >= 0`),
  ],
);
