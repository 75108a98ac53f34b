import { defineConfig } from "vitest/config";

/**
 * End-to-end: the real stack (wrangler dev serving web/dist, Postgres, Redis) driven through
 * Debian's Chromium with playwright-core. `npm run test:e2e` builds web/dist first.
 */
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["./test/e2e/global-setup.ts"],
    // One browser scenario at a time: they share the stacks, and timers must not starve.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // A first failure is worth seeing whole; no silent retries hiding flakiness.
    retry: 0,
  },
});
