import * as z from "zod";

/** Bindings and vars come from worker-configuration.d.ts (`wrangler types`): the global `Env`. */

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(86_400).default(fallback);
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());

const configSchema = z.object({
  HOLD_TTL_SECONDS: seconds(300),
  PAYMENT_WINDOW_SECONDS: seconds(300),
  MAX_SEATS_PER_HOLD: z.coerce.number().int().min(1).max(50).default(10),
  CANCELLATION_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(10_080).default(120),
  /** Minutes a screen needs between one show's end and the next start (cleaning, seating). */
  SHOW_CLEANING_BUFFER_MINUTES: z.coerce.number().int().min(0).max(240).default(15),
  /** Doors open (check-in starts) this long before a show starts, and stay open until it ends. */
  DOORS_OPEN_MINUTES: z.coerce.number().int().min(0).max(1_440).default(60),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  AUTH_MODE: z.enum(["dev", "jwt"]).default("jwt"),
  EMAIL_FROM: z.string().default("tickets@housefull.example"),
  DATABASE_URL: z.string().min(1),
  UPSTASH_REDIS_REST_URL: z.url(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1),
  AUTH_JWT_SECRET: z.string().min(16),
  /** Local development only: the Neon HTTP endpoint of the dev bridge. */
  NEON_FETCH_ENDPOINT: optionalUrl,
  /** How booking emails leave: the EMAIL send_email binding, or a JSON mail API. */
  EMAIL_TRANSPORT: z.enum(["send_email", "http"]).default("send_email"),
  EMAIL_API_URL: optionalUrl,
  EMAIL_API_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /**
   * The Ed25519 keys that sign tickets, a JWK set (docs/TICKETS.md: keys). Optional so the rest of
   * the worker runs without it; issuing a ticket or listing the door keys then fails, saying so.
   */
  TICKET_SIGNING_KEYS: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** Milliseconds before an outbound call to Redis or Postgres is abandoned. */
  BACKEND_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(5_000),
  /** Milliseconds a request body may take to arrive in full before the answer is 408 (slow clients). */
  BODY_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /** Where the web UI lives: Stripe sends the customer back to `/orders/{id}/…` there; the OIDC redirect URI and same-origin returnTo. */
  APP_ORIGIN: z.url().default("https://housefull.example"),
  /** Stripe's API; locally the payment sandbox (README: Payments sandbox). */
  STRIPE_API_BASE: z.url().default("https://api.stripe.com"),
  STRIPE_SECRET_KEY: z.string().min(1),
  /** Signs the webhooks Stripe sends to /api/v1/payments/stripe/webhook (`whsec_…`). */
  STRIPE_WEBHOOK_SECRET: z.string().min(1),
  /** Sign in with OpenID Connect (Google in production); all three or sign-in by OIDC is off. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** Lifetime of the signed access cookie: how long a revoked session may still be used (README: sessions). */
  SESSION_ACCESS_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** A session (a signed-in device) ends this many days after sign-in. */
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = z.infer<typeof configSchema>;

// The env object is the same for every request of an isolate: parse it once.
const parsed = new WeakMap<object, Config>();

/** The worker's configuration, validated. A missing secret fails loudly at the first request. */
export function configOf(env: Env): Config {
  let config = parsed.get(env);
  if (!config) {
    const result = configSchema.safeParse(env);
    if (!result.success) {
      const fields = result.error.issues.map((i) => i.path.join(".")).join(", ");
      throw new Error(`Invalid worker configuration: ${fields}`);
    }
    config = result.data;
    parsed.set(env, config);
  }
  return config;
}
