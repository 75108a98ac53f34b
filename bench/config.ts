/** What `npm run bench` runs, and how hard. Sized so the whole run stays near 3–4 minutes on 2 cores. */
export const CONFIG = {
  databaseUrl: "postgres://postgres:postgres@127.0.0.1:5432/housefull_bench",
  redisUrl: "redis://127.0.0.1:6379/12",
  /** The edge view's simulated distance from the worker to Redis and Postgres. */
  edgeRttMs: 40,
  /** Floor, catalog and seat map: concurrent connections and seconds each. */
  reads: { connections: 64, durationS: 5 },
  /** The floor is measured in bursts of this many seconds before and after every scenario. */
  floorBurstS: 3,
  /** Hold storm: 64 users at once fill the 1,000-seat show, then release it; this many times. */
  storm: { connections: 64, rounds: 2 },
  /** hold-seats.lua straight on Redis (ioredis EVALSHA), same concurrency: seconds of fills. */
  ceiling: { connections: 64, durationS: 3 },
  /** Full booking loop: virtual users, seconds, seats per booking, 1,000-seat shows to book from. */
  booking: { connections: 16, durationS: 10, seats: 2, shows: 4 },
  /** Edge view: one request at a time on each stack, for this many seconds per scenario. */
  edge: { reads: 4, hold: 8, booking: 10 },
  /** Seat map pollers of one show (issue 14): connections per run, seconds each. */
  pollers: { counts: [16, 64, 256], durationS: 4 },
  /** Cold start: `wrangler check startup` turns, and Node import turns, for the worker and a hello-world Hono worker. */
  coldStart: { startupRuns: 5, nodeRuns: 9 },
  /** Seat map page in Chromium (CPU ×4, Slow 3G): first visits, and seat clicks per visit. */
  webVitals: { visits: 3, clicks: 6 },
} as const;
