import { theatres } from "../db/catalog-tables";
import { at, createdAt } from "../db/columns";
import { check, integer, pgTable, sql, uuid } from "../db/drizzle";

/**
 * An on-sale event (issue 15): one show, or a movie's opening (its shows at one theatre), sold
 * through a waiting room that opens at `opens_at`. The shows name it (`shows.onsale_event_id`);
 * the queue itself lives in Redis (src/onsale/redis-keys.ts), configured from this row.
 */
export const onsaleEvents = pgTable(
  "onsale_events",
  {
    id: uuid("event_id").primaryKey().defaultRandom(),
    theatreId: uuid("theatre_id")
      .notNull()
      .references(() => theatres.id),
    /** When the pre-queue is drawn and admissions start. */
    opensAt: at("opens_at").notNull(),
    /** Visitors admitted per second after opening. */
    admitPerSecond: integer("admit_per_second").notNull(),
    /** At most this many admitted shoppers at once (each for the admission window). */
    maxActive: integer("max_active").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("onsale_events_rate_check", sql`${t.admitPerSecond} > 0`),
    check("onsale_events_active_check", sql`${t.maxActive} > 0`),
  ],
);
