import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Runs in Node (outside the cloudflare plugin's module graph): starts the real backends and
    // bridges once and provides their URLs to every project.
    globalSetup: ["./test/global-setup.ts"],
    // The worker logs one JSON line per request; show logs only for failing tests.
    silent: "passed-only",
    projects: [
      {
        // Plain Node: pure domain logic, the dev bridges, the local stack.
        test: {
          name: "node",
          environment: "node",
          include: ["test/bridges/**/*.test.ts", "test/unit/**/*.test.ts", "test/dev/**/*.test.ts"],
        },
      },
      {
        // The worker inside workerd, on real Postgres and Redis through the bridges.
        plugins: [
          // Lua scripts are text modules (wrangler.toml [[rules]]); teach vite the same.
          {
            name: "lua-as-text",
            transform: (code, id) => (id.endsWith(".lua") ? `export default ${JSON.stringify(code)};` : undefined),
          },
          cloudflareTest(({ inject }) => ({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                DATABASE_URL: inject("databaseUrl"),
                NEON_FETCH_ENDPOINT: inject("neonFetchEndpoint"),
                UPSTASH_REDIS_REST_URL: inject("upstashUrl"),
                UPSTASH_REDIS_REST_TOKEN: inject("upstashToken"),
                AUTH_JWT_SECRET: "test-secret-test-secret-test-secret",
                AUTH_MODE: "dev",
                CORS_ORIGINS: "http://localhost:8787,https://app.example",
                HOLD_TTL_SECONDS: "300",
                PAYMENT_WINDOW_SECONDS: "300",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/integration/**/*.test.ts"],
          // The first request of a file imports the worker through vite (seconds, not a hang).
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
