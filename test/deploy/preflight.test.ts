import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { preflight, secretNamesIn } from "../../deploy/preflight";

/**
 * `npm run preflight -- --env <env> --secrets <file>` (docs/DEPLOY.md): the committed environments
 * pass with a complete secret list; each bad fixture fails with one plain line per problem.
 */

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const completeSecrets = readFileSync(fixture("secrets-complete.txt"), "utf8");
const run = (configPath: string, envName: string, secretsText?: string) =>
  preflight({ configPath, envName, secretsText });

describe("the committed wrangler.toml", () => {
  it.each(["production", "staging"])("--env %s passes with the complete secret list", (envName) => {
    expect(run("wrangler.toml", envName, completeSecrets)).toEqual([]);
  });

  it("names each secret left out, with the command that sets it", () => {
    const partial = completeSecrets.replace("STRIPE_WEBHOOK_SECRET\n", "").replace("DATABASE_URL\n", "");
    expect(run("wrangler.toml", "production", partial)).toEqual([
      "secret DATABASE_URL is not set: wrangler secret put DATABASE_URL --env production",
      "secret STRIPE_WEBHOOK_SECRET is not set: wrangler secret put STRIPE_WEBHOOK_SECRET --env production",
    ]);
  });

  it("refuses to judge secrets it was not told about, and an environment that does not exist", () => {
    expect(run("wrangler.toml", "production")).toEqual([
      "no secret list: pass --secrets <file> with the names set (wrangler secret list --env production --format json)",
    ]);
    expect(run("wrangler.toml", "prod", completeSecrets)).toEqual([
      "no [env.prod] in wrangler.toml (it has: staging, production)",
    ]);
  });
});

describe("bad fixtures: one line per problem", () => {
  it("dev settings left in production: dev auth, dev endpoint, sandbox Stripe, http and wildcard origins", () => {
    const secrets = `${completeSecrets.replace("STRIPE_WEBHOOK_SECRET\n", "")}NEON_FETCH_ENDPOINT\n`;
    expect(run(fixture("dev-leaks.toml"), "production", secrets)).toEqual([
      'var HOLD_TTL_SECONDS = "five minutes" is not a valid value for the worker',
      'AUTH_MODE is "dev": a deployed worker must use "jwt" (dev trusts x-user-id)',
      "var NEON_FETCH_ENDPOINT is dev-only (the local Neon bridge): remove it from [env.production]",
      "secret NEON_FETCH_ENDPOINT is dev-only: wrangler secret delete NEON_FETCH_ENDPOINT --env production",
      'STRIPE_API_BASE is "http://127.0.0.1:12111": a payment sandbox; it must be https://api.stripe.com',
      'CORS_ORIGINS has "http://localhost:5173": http, not https',
      'CORS_ORIGINS has "*": a wildcard',
      "secret STRIPE_WEBHOOK_SECRET is not set: wrangler secret put STRIPE_WEBHOOK_SECRET --env production",
      "NEON_FETCH_ENDPOINT is both a var and a secret in [env.production]: the deploy would fail",
    ]);
  });

  it("missing plumbing: bindings, dead-letter queue, cron, route, logs; shared resources", () => {
    expect(run(fixture("missing-plumbing.toml"), "production", completeSecrets)).toEqual([
      "binding METRICS (Analytics Engine dataset) is missing from [env.production]",
      "binding TRAILERS (KV namespace) is missing from [env.production]",
      "var DOORS_OPEN_MINUTES is set at the top level but not in [env.production.vars]",
      "APP_ORIGIN https://tickets.example.com is not served by any route or custom domain of [env.production]",
      "workers_dev is not false: the worker would also answer on *.workers.dev, outside APP_ORIGIN",
      "no route or custom domain in [env.production]",
      "queue fixture-email has no dead_letter_queue: a failing message would be dropped after its retries",
      'cron "* * * * *" is missing from [env.production.triggers]: orders would never expire, refunds never retry',
      "observability is not enabled: Workers Logs keep the request log",
      "rate limit namespace_id 9001 is used twice in [env.production]",
      "R2 bucket fixture-posters is shared with [env.staging]",
      // A Google client id without its secret: sign-in would be half configured.
      "secret OIDC_CLIENT_SECRET is not set: wrangler secret put OIDC_CLIENT_SECRET --env production",
    ]);
  });

  it("the staging environment of the same fixture lacks what it never declared", () => {
    const lines = run(fixture("missing-plumbing.toml"), "staging", completeSecrets);
    expect(lines).toContain("binding EMAIL_QUEUE (queue producer) is missing from [env.staging]");
    expect(lines).toContain('AUTH_MODE is "": a deployed worker must use "jwt" (dev trusts x-user-id)');
    expect(lines).toContain("R2 bucket fixture-posters is shared with [env.production]");
  });
});

describe("secret lists", () => {
  const names = ["DATABASE_URL", "AUTH_JWT_SECRET"];
  it.each([
    ["names, one a line, with comments", "# set on 2026-12-01\nDATABASE_URL\n\nAUTH_JWT_SECRET\n"],
    [
      "a dotenv file (values are never read into the output)",
      'DATABASE_URL="postgres://x"\nexport AUTH_JWT_SECRET=abc\n',
    ],
    [
      "wrangler secret list --format json",
      '[{"name":"DATABASE_URL","type":"secret_text"},{"name":"AUTH_JWT_SECRET","type":"secret_text"}]',
    ],
    ["the JSON object given to wrangler secret bulk", '{"DATABASE_URL":"postgres://x","AUTH_JWT_SECRET":"abc"}'],
  ])("%s", (_what, text) => {
    expect(secretNamesIn(text)).toEqual(names);
  });

  it("a name whose value is left empty (npm run secrets:new's placeholders) is not set", () => {
    expect(secretNamesIn('DATABASE_URL=""\nSTRIPE_SECRET_KEY=\nAUTH_JWT_SECRET="abc"\n')).toEqual(["AUTH_JWT_SECRET"]);
    expect(secretNamesIn('{"DATABASE_URL":"","AUTH_JWT_SECRET":"abc"}')).toEqual(["AUTH_JWT_SECRET"]);
  });
});
