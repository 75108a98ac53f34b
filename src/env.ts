import * as z from "zod/mini";
import { SEAT_MAP_SNAPSHOT_DEFAULT_MS } from "./shared/seat-map";

/** Bindings and vars come from worker-configuration.d.ts (`wrangler types`): the global `Env`. */

const seconds = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(86_400)), fallback);
/** An optional text var: unset and "" (how wrangler passes an empty one) are both absent. */
const optionalText = () =>
  z.pipe(
    z.transform((v) => (v === "" ? undefined : v)),
    z.optional(z.string()),
  );
const optionalUrl = () =>
  z.pipe(
    z.transform((v) => (v === "" ? undefined : v)),
    z.optional(z.url()),
  );

/**
 * Every var and secret the worker reads; also what `npm run preflight` checks a deployed environment's
 * vars against. Built on first use, not at module load: the worker's first request builds it (every
 * request reads the config), so a starting isolate does not (~4 ms of Node CPU at startup, most of
 * what the app evaluated at load besides zod itself; docs/BENCHMARKS.md: cold start).
 */
const buildConfigSchema = () =>
  z.object({
    HOLD_TTL_SECONDS: seconds(300),
    PAYMENT_WINDOW_SECONDS: seconds(300),
    MAX_SEATS_PER_HOLD: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 10),
    /** How long an admission from an on-sale's waiting room lasts (its token and its shopper's place). */
    ONSALE_ADMISSION_SECONDS: seconds(600),
    /**
     * Live held seats one person may have across every show, and one client address (no seat
     * spinning, issue 15): far above a family booking, far below a bot's.
     */
    SEAT_BUDGET_PER_PERSON: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 20),
    SEAT_BUDGET_PER_ADDRESS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 40),
    /** Guest tokens a client address gets at once each hour; then each waits twice as long (at most 6× this an hour). */
    GUEST_TOKENS_FREE_PER_HOUR: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 10),
    CANCELLATION_CUTOFF_MINUTES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(10_080)), 120),
    /** Minutes a screen needs between one show's end and the next start (cleaning, seating). */
    SHOW_CLEANING_BUFFER_MINUTES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(240)), 15),
    /** Doors open (check-in starts) this long before a show starts, and stay open until it ends. */
    DOORS_OPEN_MINUTES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(1_440)), 60),
    CORS_ORIGINS: z.pipe(
      z._default(z.string(), ""),
      z.transform((s) =>
        s
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    ),
    AUTH_MODE: z._default(z.enum(["dev", "jwt"]), "jwt"),
    EMAIL_FROM: z._default(z.string(), "tickets@housefull.example"),
    DATABASE_URL: z.string().check(z.minLength(1)),
    UPSTASH_REDIS_REST_URL: z.url(),
    UPSTASH_REDIS_REST_TOKEN: z.string().check(z.minLength(1)),
    /**
     * "true": every seat script carries Upstash's `allow-key-locking` flag, so Upstash locks only its
     * KEYS and holds on one show run in parallel (each script declares every key it touches). The
     * local Upstash bridge honours it too; plain Redis never sees it (the bridge strips it).
     */
    UPSTASH_KEY_LOCKING: z.pipe(
      z._default(z.enum(["true", "false"]), "false"),
      z.transform((v) => v === "true"),
    ),
    /** Milliseconds a location's shared seat-map snapshot may be old (0: every seat map reads Redis). */
    SEAT_MAP_SNAPSHOT_MS: z._default(
      z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000)),
      SEAT_MAP_SNAPSHOT_DEFAULT_MS,
    ),
    AUTH_JWT_SECRET: z.string().check(z.minLength(16)),
    /** Local development only: the Neon HTTP endpoint of the dev bridge. */
    NEON_FETCH_ENDPOINT: optionalUrl(),
    /** How booking emails leave: the EMAIL send_email binding, or a JSON mail API. */
    EMAIL_TRANSPORT: z._default(z.enum(["send_email", "http"]), "send_email"),
    EMAIL_API_URL: optionalUrl(),
    EMAIL_API_KEY: optionalText(),
    /**
     * The Ed25519 keys that sign tickets, a JWK set (docs/TICKETS.md: keys). Optional so the rest of
     * the worker runs without it; issuing a ticket or listing the door keys then fails, saying so.
     */
    TICKET_SIGNING_KEYS: optionalText(),
    /** Milliseconds before an outbound call to Redis or Postgres is abandoned. */
    BACKEND_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(50), z.lte(30_000)), 5_000),
    /** Milliseconds a request body may take to arrive in full before the answer is 408 (slow clients). */
    BODY_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(50), z.lte(60_000)), 5_000),
    /** Where the web UI lives: Stripe sends the customer back to `/orders/{id}/…` there; the OIDC redirect URI and same-origin returnTo. */
    APP_ORIGIN: z._default(z.url(), "https://housefull.example"),
    /** Stripe's API; locally the payment sandbox (README: Payments sandbox). */
    STRIPE_API_BASE: z._default(z.url(), "https://api.stripe.com"),
    STRIPE_SECRET_KEY: z.string().check(z.minLength(1)),
    /** Signs the webhooks Stripe sends to /api/v1/payments/stripe/webhook (`whsec_…`). */
    STRIPE_WEBHOOK_SECRET: z.string().check(z.minLength(1)),
    /** Sign in with OpenID Connect (Google in production); all three or sign-in by OIDC is off. */
    OIDC_ISSUER: optionalUrl(),
    OIDC_CLIENT_ID: optionalText(),
    OIDC_CLIENT_SECRET: optionalText(),
    /** Lifetime of the signed access cookie: how long a revoked session may still be used (README: sessions). */
    SESSION_ACCESS_SECONDS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(3_600)), 60),
    /** A session (a signed-in device) ends this many days after sign-in. */
    SESSION_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(365)), 30),
  });

let schema: ReturnType<typeof buildConfigSchema> | undefined;
export const configSchema = () => {
  schema ??= buildConfigSchema();
  return schema;
};

export type Config = z.infer<ReturnType<typeof buildConfigSchema>>;

/** A var or secret missing or malformed: names the fields (never their values), so the log says what to set. */
export class InvalidConfigurationError extends Error {
  constructor(readonly fields: string[]) {
    super(`Invalid worker configuration: ${fields.join(", ")}`);
    this.name = "InvalidConfigurationError";
  }
}

// The env object is the same for every request of an isolate: parse it once.
const parsed = new WeakMap<object, Config>();

/** The worker's configuration, validated. A missing secret fails loudly at the first request. */
export function configOf(env: Env): Config {
  let config = parsed.get(env);
  if (!config) {
    const result = configSchema().safeParse(env);
    if (!result.success) throw new InvalidConfigurationError(result.error.issues.map((i) => i.path.join(".")));
    config = result.data;
    parsed.set(env, config);
  }
  return config;
}
