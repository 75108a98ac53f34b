import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { writeShippedLua } from "./dev/lua/shipped";
import { detachPoolWorkerOnStop } from "./test/pool-worker-stop";

/**
 * The worker inside workerd, on real Postgres and Redis through the bridges. Projects differ only
 * in the worker's vars (e.g. seconds-long hold TTLs for expiry tests, production auth mode).
 */
function workerProject(
  name: string,
  include: string[],
  vars: Record<string, string> = {},
  opts: { isolated?: boolean; exclude?: string[]; serialGroup?: number } = {},
): TestProjectInlineConfiguration {
  return {
    plugins: [
      // Lua scripts are text modules (wrangler.toml [[rules]]); teach vite the same. The worker
      // imports the shipped copies (src/.lua), written here as wrangler's custom build writes them.
      {
        name: "lua-as-text",
        buildStart: () => writeShippedLua(fileURLToPath(new URL(".", import.meta.url))),
        transform: (code, id) => (id.endsWith(".lua") ? `export default ${JSON.stringify(code)};` : undefined),
      },
      cloudflareTest(({ inject }) => ({
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            // The isolated worker gets its own Redis database and a fault switch on Postgres.
            DATABASE_URL: opts.isolated ? `${inject("databaseUrl")}?fault_scope=isolated` : inject("databaseUrl"),
            NEON_FETCH_ENDPOINT: inject("neonFetchEndpoint"),
            UPSTASH_REDIS_REST_URL: inject(opts.isolated ? "isolatedUpstashUrl" : "upstashUrl"),
            UPSTASH_REDIS_REST_TOKEN: inject(opts.isolated ? "isolatedUpstashToken" : "upstashToken"),
            AUTH_JWT_SECRET: "test-secret-test-secret-test-secret",
            AUTH_MODE: "dev",
            TICKET_SIGNING_KEYS: inject("ticketSigningKeys"),
            CORS_ORIGINS: "http://localhost:8787,https://app.example",
            HOLD_TTL_SECONDS: "300",
            PAYMENT_WINDOW_SECONDS: "300",
            // The payment sandbox global-setup starts (a local Stripe): the worker's real client talks to it.
            STRIPE_API_BASE: inject("paymentSandboxUrl"),
            STRIPE_SECRET_KEY: inject("paymentSandboxApiKey"),
            STRIPE_WEBHOOK_SECRET: inject("paymentSandboxWebhookSecret"),
            // Accounts: the local OpenID provider (global-setup) as the issuer; the worker answers on
            // http://localhost; a 2-second access cookie so revocation lag is testable in seconds.
            APP_ORIGIN: "http://localhost",
            OIDC_ISSUER: inject("oidcIssuer"),
            OIDC_CLIENT_ID: inject("oidcClientId"),
            OIDC_CLIENT_SECRET: inject("oidcClientSecret"),
            SESSION_ACCESS_SECONDS: "2",
            // Seat maps straight from Redis, so a test sees its own writes at once; the snapshot
            // has a project of its own (workers-snapshot). The seat scripts carry Upstash's
            // allow-key-locking flag (wrangler.toml), which the bridge enforces: a script touching
            // an undeclared key fails every suite.
            SEAT_MAP_SNAPSHOT_MS: "0",
            // Every test request comes from one address (workerd's own): the live-seat budgets are
            // far out of the way here; test/integration/seat-budget.test.ts runs with the defaults.
            SEAT_BUDGET_PER_PERSON: "10000",
            SEAT_BUDGET_PER_ADDRESS: "100000",
            GUEST_TOKENS_FREE_PER_HOUR: "100000",
            ...vars,
          },
        },
      })),
      detachPoolWorkerOnStop(),
    ],
    test: {
      name,
      include,
      // The first request of a file imports the worker through vite (seconds, not a hang).
      testTimeout: 30_000,
      hookTimeout: 30_000,
      ...(opts.exclude ? { exclude: [...configDefaults.exclude, ...opts.exclude] } : {}),
      // A serial group runs one file at a time, after the parallel files (see CRON_SUITES).
      ...(opts.serialGroup ? { fileParallelism: false, sequence: { groupOrder: opts.serialGroup } } : {}),
    },
  };
}

/**
 * npm test runs three files at a time (vitest's default on 2 vCPUs is one), except suites that change
 * state other files' tests stand on, which run one file at a time after them:
 * - the suites that run the cron: its repair rebuilds every show's booked set from Postgres, which
 *   takes away seats other files mark sold in Redis alone (seen: best available "sold" D4);
 * - the short-TTL suites, which run the cron too;
 * - the isolated suites, which inject faults into their one shared bridge (Redis unreachable, a
 *   lost flush) and broke each other when run side by side.
 */
const CRON_SUITES = [
  "test/integration/admin-house-seats.test.ts",
  "test/integration/holds-repair-race.test.ts",
  "test/integration/onsale-admission-once.test.ts",
  "test/integration/seat-budget.test.ts",
];

export default defineConfig({
  test: {
    // Runs in Node (outside the cloudflare plugin's module graph): starts the real backends and
    // bridges once and provides their URLs to every project.
    globalSetup: ["./test/global-setup.ts"],
    // The worker logs one JSON line per request; show logs only for failing tests.
    silent: "passed-only",
    // Files wait on workerd, the bridges, Postgres and Redis more than on the CPU: three at a time
    // took npm test from 575 s to ~320 s on a 2-vCPU machine (CRON_SUITES: which files run alone).
    maxWorkers: 3,
    projects: [
      {
        // Plain Node: pure domain logic, the dev bridges, the local stack, the deploy tooling, web code
        // without a page (with the web build's alias for the module it shares with the worker).
        resolve: {
          alias: [
            {
              find: /^@housefull\/shared$/,
              replacement: fileURLToPath(new URL("./src/shared/index.ts", import.meta.url)),
            },
            {
              find: /^@housefull\/shared\/([\w-]+)$/,
              replacement: fileURLToPath(new URL("./src/shared/$1.ts", import.meta.url)),
            },
          ],
        },
        test: {
          name: "node",
          environment: "node",
          include: [
            "test/bridges/**/*.test.ts",
            "test/unit/**/*.test.ts",
            "test/dev/**/*.test.ts",
            "test/deploy/**/*.test.ts",
          ],
        },
      },
      workerProject("workers", ["test/integration/**/*.test.ts"], {}, { exclude: CRON_SUITES }),
      workerProject("workers-cron", CRON_SUITES, {}, { serialGroup: 1 }),
      workerProject(
        "workers-short-ttl",
        ["test/integration-short-ttl/**/*.test.ts"],
        { HOLD_TTL_SECONDS: "2", PAYMENT_WINDOW_SECONDS: "3" },
        { serialGroup: 2 },
      ),
      workerProject("workers-jwt", ["test/integration-jwt/**/*.test.ts"], { AUTH_MODE: "jwt" }),
      workerProject("workers-snapshot", ["test/integration-snapshot/**/*.test.ts"], { SEAT_MAP_SNAPSHOT_MS: "1500" }),
      // Wipes Redis and switches backends off: one file, run on its own Redis database.
      workerProject(
        "workers-isolated",
        ["test/integration-isolated/**/*.test.ts"],
        { HOLD_TTL_SECONDS: "2", PAYMENT_WINDOW_SECONDS: "3", BACKEND_TIMEOUT_MS: "1000" },
        { isolated: true, serialGroup: 3 },
      ),
    ],
  },
});
