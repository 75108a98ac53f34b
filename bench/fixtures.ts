/**
 * The benchmark's own data: a clean database and Redis db, a 1,000-seat hall (25 rows × 40 seats,
 * two aisles) in `seat_layouts`, and shows in it, written straight to Postgres with `pg`.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { ensureDatabase } from "../dev/local-stack.ts";
import { type SeatLayout, seatIdsOf, seatLayoutSchema } from "../src/domain/seat-layout.ts";

const ROWS = "ABCDEFGHIJKLMNOPQRSTUVWXY"; // 25 rows
const SEATS_PER_ROW = 40;
/** Seat numbers after which an aisle (a gap) runs through every row. */
const AISLES_AFTER = [10, 30];

function rowCategory(index: number): string {
  if (index >= 21) return "RECLINER";
  if (index >= 8) return "PRIME";
  return "CLASSIC";
}

/** 25 × 40 = 1,000 seats: classic at the front, prime in the middle, recliners at the back. */
export const BENCH_LAYOUT: SeatLayout = seatLayoutSchema.parse({
  categories: [
    { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
    { code: "PRIME", name: "Prime", surcharge: "60.00" },
    { code: "RECLINER", name: "Recliner", surcharge: "250.00" },
  ],
  rows: [...ROWS].map((label, i) => ({
    label,
    category: rowCategory(i),
    columns: Array.from({ length: SEATS_PER_ROW }, (_, n) => n + 1).flatMap((n) =>
      AISLES_AFTER.includes(n) ? [n, null] : [n],
    ),
  })),
});

export const BENCH_SEATS = seatIdsOf(BENCH_LAYOUT);

/** Set after the reset; if it is gone at the end, something else flushed the bench's Redis db. */
export const SENTINEL_KEY = "bench:sentinel";

/** An empty database (migrated and seeded by the stack) and an empty Redis db: every run starts equal. */
export async function resetBenchData(databaseUrl: string, redisUrl: string): Promise<void> {
  await ensureDatabase(databaseUrl, { reset: true });
  const redis = new Redis(redisUrl);
  try {
    await redis.flushdb();
    await redis.set(SENTINEL_KEY, new Date().toISOString());
  } finally {
    redis.disconnect();
  }
}

export class BenchData {
  private constructor(
    private readonly client: pg.Client,
    private readonly layoutId: string,
    private readonly movieId: string,
    private readonly theatreId: string,
  ) {}

  /** Inserts the bench hall next to the seeded catalog. */
  static async open(databaseUrl: string): Promise<BenchData> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const movie = await client.query<{ movie_id: string }>("select movie_id from movies order by title limit 1");
      const theatre = await client.query<{ theatre_id: string }>(
        "select theatre_id from theatres where cancellation_available order by name limit 1",
      );
      const movieId = movie.rows[0]?.movie_id;
      const theatreId = theatre.rows[0]?.theatre_id;
      if (!movieId || !theatreId) throw new Error("the seeded catalog is missing");
      const layoutId = randomUUID();
      const cols = Math.max(...BENCH_LAYOUT.rows.map((r) => r.columns.length));
      await client.query(
        `insert into seat_layouts (layout_id, theatre_id, screen_name, rows, cols, layout_json)
         values ($1, $2, 'Bench Hall', $3, $4, $5)`,
        [layoutId, theatreId, BENCH_LAYOUT.rows.length, cols, JSON.stringify(BENCH_LAYOUT)],
      );
      return new BenchData(client, layoutId, movieId, theatreId);
    } catch (error) {
      await client.end();
      throw error;
    }
  }

  /** A show in the bench hall, open for booking (starts in two days). */
  async createShow(): Promise<string> {
    const showId = randomUUID();
    const startTime = new Date(Date.now() + 2 * 86_400_000);
    await this.client.query(
      `insert into shows (show_id, movie_id, theatre_id, layout_id, start_time, price, status)
       values ($1, $2, $3, $4, $5, '250.00', 'AVAILABLE')`,
      [showId, this.movieId, this.theatreId, this.layoutId, startTime.toISOString()],
    );
    return showId;
  }

  /** Marks shows as one on-sale event (as staff's PUT …/onsale writes it; the worker configures Redis on first poll). */
  async markOnsale(
    showIds: string[],
    opts: { opensAt: Date; admitPerSecond: number; maxActive: number },
  ): Promise<string> {
    const eventId = randomUUID();
    await this.client.query(
      `insert into onsale_events (event_id, theatre_id, opens_at, admit_per_second, max_active) values ($1, $2, $3, $4, $5)`,
      [eventId, this.theatreId, opts.opensAt.toISOString(), opts.admitPerSecond, opts.maxActive],
    );
    await this.client.query("update shows set onsale_event_id = $1 where show_id = any($2)", [eventId, showIds]);
    return eventId;
  }

  /** Seats Postgres holds as sold for a show (order_seats of PAYMENT_PENDING/CONFIRMED orders). */
  async soldSeats(showId: string): Promise<string[]> {
    const { rows } = await this.client.query<{ seat_id: string }>(
      "select seat_id from order_seats where show_id = $1",
      [showId],
    );
    return rows.map((r) => r.seat_id);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
